// Command kstatus-check runs kstatus, the status library of sigs.k8s.io/cli-utils that Flux's health
// checks and other waiters build on, over the ServiceBusGeoPairing status snapshots
// captured from a real API server, and compares its verdict (Current / InProgress / Failed /
// Terminating ...) with the one expected.json names for each snapshot.
//
//	go run . <snapshots dir>        (hack/test-kstatus.sh does this)
//
// It prints one line per snapshot and closes with "N passed, M failed"; the exit code is 1 when a
// snapshot's verdict differs, 2 when the input cannot be read.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
)

type expectation struct {
	File    string `json:"file"`
	Phase   string `json:"phase"`
	Kstatus string `json:"kstatus"`
	// What we would want when kstatus's rules give something else; informational only.
	KstatusIntended string `json:"kstatusIntended"`
	Note            string `json:"note"`
}

type expectedFile struct {
	Snapshots []expectation `json:"snapshots"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: kstatus-check <snapshots dir>")
		os.Exit(2)
	}
	dir := os.Args[1]
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var expected expectedFile
	if err := json.Unmarshal(raw, &expected); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Join(dir, "expected.json"), err)
		os.Exit(2)
	}

	passed, failed := 0, 0
	for _, e := range expected.Snapshots {
		got, message, err := compute(filepath.Join(dir, e.File))
		switch {
		case err != nil:
			failed++
			fmt.Printf("FAIL %s: %v\n", e.File, err)
		case got != e.Kstatus:
			failed++
			fmt.Printf("FAIL %s: kstatus computes %s (%s), expected %s\n", e.File, got, message, e.Kstatus)
		default:
			passed++
			fmt.Printf("ok   %s: %s (%s)\n", e.File, got, message)
		}
		if e.KstatusIntended != "" && e.KstatusIntended != e.Kstatus {
			fmt.Printf("     note: we would want %s here; %s\n", e.KstatusIntended, e.Note)
		}
	}
	if passed+failed == 0 {
		failed++
		fmt.Printf("FAIL no snapshots listed in %s\n", filepath.Join(dir, "expected.json"))
	}
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}

// compute decodes a `kubectl get -o json` document as client-go does (integers as int64) and runs
// status.Compute on it.
func compute(path string) (string, string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", "", err
	}
	u := &unstructured.Unstructured{}
	if err := u.UnmarshalJSON(raw); err != nil {
		return "", "", fmt.Errorf("decoding: %w", err)
	}
	res, err := status.Compute(u)
	if err != nil {
		return "", "", fmt.Errorf("status.Compute: %w", err)
	}
	return res.Status.String(), res.Message, nil
}
