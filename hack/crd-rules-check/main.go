// Command crd-rules-check checks the committed CRD with the Kubernetes API server's own code, without
// running an API server: the CustomResourceDefinition validation kube-apiserver applies on create
// (structural schema, CEL compilation and cost estimate, printer-column JSONPaths), then a table of
// create and update cases through defaulting, OpenAPI schema validation and the CEL validator of
// k8s.io/apiextensions-apiserver (updates are schema-checked like creates, i.e. without ratcheting). go.mod pins the libraries of Kubernetes 1.29, the oldest release the
// CRD supports; the real-API-server tests cover the current release.
//
//	go run . <crd.yaml> <examples-dir>     (hack/check-crd-rules.sh runs it on crds/ and examples/)
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	crdvalidation "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel"
	structuraldefaulting "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	"sigs.k8s.io/yaml"
)

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(2)
	}
}

type checker struct {
	structural *structuralschema.Structural
	schemaVal  apiservervalidation.SchemaValidator
	celVal     *cel.Validator
}

func (c *checker) check(obj, old map[string]interface{}) field.ErrorList {
	structuraldefaulting.Default(obj, c.structural)
	var errs field.ErrorList
	errs = append(errs, apiservervalidation.ValidateCustomResource(nil, obj, c.schemaVal)...)
	var oldObj interface{}
	if old != nil {
		structuraldefaulting.Default(old, c.structural)
		oldObj = old
	}
	// Like kube-apiserver's customResourceStrategy: CEL rules are skipped when the schema already found
	// a blocking error (required, unsupported enum value, too long, wrong type).
	for _, e := range errs {
		switch e.Type {
		case field.ErrorTypeNotSupported, field.ErrorTypeRequired, field.ErrorTypeTooLong, field.ErrorTypeTooMany, field.ErrorTypeTypeInvalid:
			return append(errs, field.Invalid(nil, nil, "some validation rules were not checked because the object was invalid"))
		}
	}
	celErrs, _ := c.celVal.Validate(context.Background(), nil, c.structural, obj, oldObj, celconfig.RuntimeCELCostBudget)
	return append(errs, celErrs...)
}

const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/geodr-demo/providers/Microsoft.ServiceBus/namespaces/"

func pairing(mut func(spec map[string]interface{})) map[string]interface{} {
	spec := map[string]interface{}{
		"alias":            "orders",
		"primaryNamespace": sub + "orders-weu",
		"partnerNamespace": sub + "orders-neu",
	}
	if mut != nil {
		mut(spec)
	}
	return map[string]interface{}{
		"apiVersion": "servicebus.geodr.dev/v1alpha1",
		"kind":       "ServiceBusGeoPairing",
		"metadata":   map[string]interface{}{"name": "orders", "namespace": "default"},
		"spec":       spec,
	}
}

type tcase struct {
	name string
	old  map[string]interface{}
	obj  map[string]interface{}
	// substrings that must all appear in one error ("" = must be accepted)
	want []string
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: crdcheck <crd.yaml> <examples-dir>")
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[1])
	must(err)
	v1crd := &apiextensionsv1.CustomResourceDefinition{}
	must(yaml.UnmarshalStrict(raw, v1crd))
	scheme := runtime.NewScheme()
	must(apiextensionsv1.AddToScheme(scheme))
	must(apiextensions.AddToScheme(scheme))
	scheme.Default(v1crd) // what the API server does on create (e.g. listKind)
	v1crd.Status.StoredVersions = []string{v1crd.Spec.Versions[0].Name}
	crd := &apiextensions.CustomResourceDefinition{}
	must(scheme.Convert(v1crd, crd, nil))

	failed := 0
	if errs := crdvalidation.ValidateCustomResourceDefinition(context.Background(), crd); len(errs) > 0 {
		for _, e := range errs {
			fmt.Println("CRD INVALID:", e.Error())
		}
		os.Exit(1)
	}
	fmt.Println("ok   CRD passes kube-apiserver's CustomResourceDefinition validation (structural schema, CEL compile and cost, printer columns)")

	var schema *apiextensions.JSONSchemaProps
	if crd.Spec.Validation != nil {
		schema = crd.Spec.Validation.OpenAPIV3Schema
	} else {
		schema = crd.Spec.Versions[0].Schema.OpenAPIV3Schema
	}
	s, err := structuralschema.NewStructural(schema)
	must(err)
	sv, _, err := apiservervalidation.NewSchemaValidator(schema)
	must(err)
	c := &checker{structural: s, schemaVal: sv, celVal: cel.NewValidator(s, true, celconfig.PerCallLimit)}

	// every ServiceBusGeoPairing in the examples is accepted on create
	var cases []tcase
	must(filepath.Walk(os.Args[2], func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, doc := range strings.Split(string(data), "\n---") {
			var any interface{}
			if err := yaml.Unmarshal([]byte(doc), &any); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			obj, isMap := any.(map[string]interface{})
			if isMap && obj["kind"] == "ServiceBusGeoPairing" {
				cases = append(cases, tcase{name: fmt.Sprintf("example %s#%d", path, i), obj: obj})
			}
		}
		return nil
	}))

	long := strings.Repeat("a", 51)
	set := func(k string, v interface{}) func(map[string]interface{}) {
		return func(s map[string]interface{}) { s[k] = v }
	}
	del := func(k string) func(map[string]interface{}) {
		return func(s map[string]interface{}) { delete(s, k) }
	}
	cases = append(cases,
		tcase{name: "minimal pairing", obj: pairing(nil)},
		tcase{name: "alias of 1 letter", obj: pairing(set("alias", "a"))},
		tcase{name: "alias of 50 chars", obj: pairing(set("alias", strings.Repeat("a", 50)))},
		tcase{name: "alias of 51 chars", obj: pairing(set("alias", long)), want: []string{"spec.alias", "50"}},
		tcase{name: "alias starting with a digit", obj: pairing(set("alias", "1orders")), want: []string{"spec.alias", "should match"}},
		tcase{name: "alias ending with a hyphen", obj: pairing(set("alias", "orders-")), want: []string{"spec.alias", "should match"}},
		tcase{name: "alias with underscore", obj: pairing(set("alias", "or_ders")), want: []string{"spec.alias", "should match"}},
		tcase{name: "empty alias", obj: pairing(set("alias", "")), want: []string{"spec.alias"}},
		tcase{name: "missing alias", obj: pairing(del("alias")), want: []string{"spec.alias", "Required"}},
		tcase{name: "missing primaryNamespace", obj: pairing(del("primaryNamespace")), want: []string{"spec.primaryNamespace", "Required"}},
		tcase{name: "missing partnerNamespace", obj: pairing(del("partnerNamespace")), want: []string{"spec.partnerNamespace", "Required"}},
		tcase{name: "missing spec", obj: map[string]interface{}{"apiVersion": "servicebus.geodr.dev/v1alpha1", "kind": "ServiceBusGeoPairing", "metadata": map[string]interface{}{"name": "x"}}, want: []string{"spec", "Required"}},
		tcase{name: "bare namespace name", obj: pairing(set("primaryNamespace", "orders-weu")), want: []string{"spec.primaryNamespace", "should match"}},
		tcase{name: "eventhub namespace id", obj: pairing(set("partnerNamespace", strings.Replace(sub, "ServiceBus", "EventHub", 1)+"orders-neu")), want: []string{"spec.partnerNamespace", "should match"}},
		tcase{name: "namespace name too short", obj: pairing(set("partnerNamespace", sub+"ab")), want: []string{"spec.partnerNamespace", "should match"}},
		tcase{name: "primary == partner", obj: pairing(set("partnerNamespace", sub+"orders-weu")), want: []string{"spec.partnerNamespace", "must name a different namespace"}},
		tcase{name: "primary == partner, other case", obj: pairing(set("partnerNamespace", strings.ToUpper(sub)+"ORDERS-WEU")), want: []string{"spec.partnerNamespace", "must name a different namespace"}},
		tcase{name: "alternateName with alias != primary name", obj: pairing(set("alternateName", "orders-weu-alt")), want: []string{"spec.alternateName", "may only be set"}},
		tcase{name: "alternateName with alias == primary name", obj: pairing(func(s map[string]interface{}) { s["alias"] = "orders-weu"; s["alternateName"] = "orders-weu-alt" })},
		tcase{name: "alternateName with alias == primary name, other case", obj: pairing(func(s map[string]interface{}) { s["alias"] = "Orders-WEU"; s["alternateName"] = "orders-weu-alt" })},
		tcase{name: "alias equal to a suffix of the primary name", obj: pairing(func(s map[string]interface{}) { s["alias"] = "weu"; s["alternateName"] = "orders-weu-alt" }), want: []string{"spec.alternateName", "may only be set"}},
		tcase{name: "unknown failoverMode", obj: pairing(set("failoverMode", "Gentle")), want: []string{"spec.failoverMode", "Unsupported value"}},
		tcase{name: "lower-case failoverMode", obj: pairing(set("failoverMode", "safe")), want: []string{"spec.failoverMode", "Unsupported value"}},
		tcase{name: "unknown deletionPolicy", obj: pairing(set("deletionPolicy", "Orphan")), want: []string{"spec.deletionPolicy", "Unsupported value"}},
		tcase{name: "negative failoverRequested", obj: pairing(set("failoverRequested", int64(-1))), want: []string{"spec.failoverRequested", "greater than or equal to 0"}},
		tcase{name: "bad connection secret name", obj: pairing(set("connectionSecret", map[string]interface{}{"name": "Bad_Name"})), want: []string{"spec.connectionSecret.name", "should match"}},
		tcase{name: "credentials secret without name", obj: pairing(set("credentialsSecretRef", map[string]interface{}{})), want: []string{"spec.credentialsSecretRef.name", "Required"}},

		// updates
		tcase{name: "update: alias changed", old: pairing(nil), obj: pairing(set("alias", "orders2")), want: []string{"spec.alias", "spec.alias is immutable"}},
		tcase{name: "update: unchanged", old: pairing(set("failoverRequested", int64(2))), obj: pairing(set("failoverRequested", int64(2)))},
		tcase{name: "update: failover bump", old: pairing(set("failoverRequested", int64(2))), obj: pairing(set("failoverRequested", int64(3)))},
		tcase{name: "update: failoverRequested decreased", old: pairing(set("failoverRequested", int64(3))), obj: pairing(set("failoverRequested", int64(2))), want: []string{"spec.failoverRequested", "may never decrease"}},
		tcase{name: "update: failoverRequested removed after a bump (defaults to 0)", old: pairing(set("failoverRequested", int64(1))), obj: pairing(nil), want: []string{"spec.failoverRequested", "may never decrease"}},
		tcase{name: "update: fail-forward (new primary and partner)", old: pairing(set("failoverRequested", int64(1))), obj: pairing(func(s map[string]interface{}) {
			s["primaryNamespace"] = sub + "orders-neu"
			s["partnerNamespace"] = sub + "orders-frc"
			s["failoverRequested"] = int64(1)
		})},
		tcase{name: "update: partner changed", old: pairing(nil), obj: pairing(set("partnerNamespace", sub+"orders-frc"))},
	)

	for _, tc := range cases {
		errs := c.check(tc.obj, tc.old)
		var msgs []string
		for _, e := range errs {
			msgs = append(msgs, e.Error())
		}
		ok := false
		if len(tc.want) == 0 {
			ok = len(errs) == 0
		} else {
			for _, m := range msgs {
				all := true
				for _, w := range tc.want {
					all = all && strings.Contains(m, w)
				}
				ok = ok || all
			}
		}
		status := "ok  "
		if !ok {
			status = "FAIL"
			failed++
		}
		fmt.Printf("%s %s\n", status, tc.name)
		for _, m := range msgs {
			fmt.Printf("       %s\n", m)
		}
	}
	if failed > 0 {
		fmt.Printf("%d case(s) failed\n", failed)
		os.Exit(1)
	}
	fmt.Printf("all %d cases behaved as expected\n", len(cases))
}
