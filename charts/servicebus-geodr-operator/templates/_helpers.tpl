{{/* Chart name, overridable with nameOverride. */}}
{{- define "geodr.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name of every object. A release named like the chart (the documented
`helm install servicebus-geodr-operator ...`) gives the same names as deploy/ (the kustomize install).
*/}}
{{- define "geodr.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "geodr.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels: the same as deploy/ (name only), so a Deployment installed with kustomize can be
taken over by the chart (a selector is immutable). The operator watches the whole cluster, so one
release per cluster is the only sensible layout anyway.
*/}}
{{- define "geodr.selectorLabels" -}}
app.kubernetes.io/name: {{ include "geodr.name" . }}
{{- end }}

{{/* Labels of every object: deploy/'s plus Helm's own. */}}
{{- define "geodr.labels" -}}
{{ include "geodr.selectorLabels" . }}
app.kubernetes.io/part-of: servicebus-geodr
helm.sh/chart: {{ include "geodr.chart" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "geodr.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "geodr.metricsServiceName" -}}
{{- printf "%s-metrics" (include "geodr.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Where simulator.certSecret is mounted; SIMULATOR_CERT points at simulator.pem in it. */}}
{{- define "geodr.simulatorCertDir" -}}
/etc/geodr/simulator
{{- end }}

{{/* runbook annotation value for an alert: runbookBaseUrl#<alert in lower case>, or a docs pointer. */}}
{{- define "geodr.runbook" -}}
{{- $root := index . 0 }}{{- $alert := index . 1 }}
{{- if $root.Values.prometheusRule.runbookBaseUrl }}
{{- printf "%s#%s" (trimSuffix "#" $root.Values.prometheusRule.runbookBaseUrl) (lower $alert) }}
{{- else }}
{{- printf "docs/install.md#%s (servicebus-geodr-operator chart source)" (lower $alert) }}
{{- end }}
{{- end }}

{{/*
The alert groups: the only definition of the rule expressions. templates/prometheusrule.yaml puts
them under spec.groups, and hack/test-chart.sh extracts spec.groups from the rendered PrometheusRule
into a Prometheus rules file for `promtool check rules` / `promtool test rules`, so the unit tests in
tests/alerts.test.yaml test exactly what the chart renders. Metric names are those the operator
exposes (OperatorMetrics.java; Prometheus spells geodr.pairing.ready as geodr_pairing_ready, and
counters end in _total); hack/check-alert-metrics.sh checks them against a live /q/metrics.
*/}}
{{- define "geodr.alertGroups" -}}
{{- $r := .Values.prometheusRule -}}
- name: servicebus-geodr.pairings
  rules:
  - alert: GeoDRPairingNotReady
    expr: geodr_pairing_ready == 0
    for: {{ $r.notReadyFor }}
    labels:
      severity: warning
    annotations:
      summary: {{ `ServiceBusGeoPairing {{ $labels.namespace }}/{{ $labels.name }} is not Ready` | quote }}
      description: {{ printf "The pairing {{ $labels.namespace }}/{{ $labels.name }} has not been Ready for %s: geo-DR may not be protecting this alias. `kubectl -n {{ $labels.namespace }} describe sbgp {{ $labels.name }}` shows the Reconciling/Stalled reason and message (InvalidSpec, AzureError, FailedOver, Throttled, Unreachable, ...)." $r.notReadyFor | quote }}
      runbook: {{ include "geodr.runbook" (list . "GeoDRPairingNotReady") | quote }}
  - alert: GeoDRReplicationPending
    expr: geodr_pairing_pending_replication_operations > {{ int64 $r.pendingReplicationThreshold }}
    for: {{ $r.pendingFor }}
    labels:
      severity: warning
    annotations:
      summary: {{ `ServiceBusGeoPairing {{ $labels.namespace }}/{{ $labels.name }} has {{ $value }} pending replication operations` | quote }}
      description: {{ printf "ARM has reported more than %v pending replication operations on the primary of {{ $labels.namespace }}/{{ $labels.name }} for %s. A Safe failover waits for zero and ends Failed after the safe timeout; a Forced one now would lose those operations. Check the namespaces' load and regional health in Azure." (int64 $r.pendingReplicationThreshold) $r.pendingFor | quote }}
      runbook: {{ include "geodr.runbook" (list . "GeoDRReplicationPending") | quote }}
  - alert: GeoDRPartnerSettingsDiffer
    expr: geodr_pairing_parity_differences > 0
    for: {{ $r.parityDifferFor }}
    labels:
      severity: warning
    annotations:
      summary: {{ `The partner of ServiceBusGeoPairing {{ $labels.namespace }}/{{ $labels.name }} differs in {{ $value }} setting(s) Geo-DR does not replicate` | quote }}
      description: {{ printf "For %s the partner namespace of {{ $labels.namespace }}/{{ $labels.name }} has differed from the primary in settings Geo-DR does not replicate (network access and rules, local auth, TLS, identity, encryption, role assignments): after a failover, clients may get 401s or fail to connect. `kubectl -n {{ $labels.namespace }} get sbgp {{ $labels.name }} -o jsonpath='{.status.parity}'` lists each difference and what it breaks. A difference never blocks a failover." $r.parityDifferFor | quote }}
      runbook: {{ include "geodr.runbook" (list . "GeoDRPartnerSettingsDiffer") | quote }}
- name: servicebus-geodr.failovers
  rules:
  - alert: GeoDRFailoverFailed
    # increase() needs two samples of a series. The operator exports every outcome at 0 from its
    # start (main since 215f15a), so increase() sees the first failure; operators before that created
    # the series at its first increment (value 1), which the second clause catches: a series above 0
    # that appeared in the window. A series that appears at 0 (an operator start) fires nothing.
    expr: >-
      increase(geodr_failovers_total{outcome=~"Failed|Rejected"}[{{ $r.failoverWindow }}]) > 0
      or
      (geodr_failovers_total{outcome=~"Failed|Rejected"} > 0 unless geodr_failovers_total{outcome=~"Failed|Rejected"} offset {{ $r.failoverWindow }})
    labels:
      severity: critical
    annotations:
      summary: {{ `A {{ $labels.mode }} geo-DR failover ended {{ $labels.outcome }}` | quote }}
      description: {{ "A failover request ended {{ $labels.outcome }} (mode {{ $labels.mode }}); it is never retried by itself. `kubectl get sbgp -A -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name,LAST:.status.failover.last.outcome,MESSAGE:.status.failover.last.message` names the pairing and why; fix the cause and bump spec.failoverRequested again to retry." | quote }}
      runbook: {{ include "geodr.runbook" (list . "GeoDRFailoverFailed") | quote }}
- name: servicebus-geodr.operator
  rules:
  - alert: GeoDRArmThrottled
    expr: sum by (operation) (rate(geodr_arm_requests_total{code="429"}[5m])) > 0
    for: {{ $r.armThrottledFor }}
    labels:
      severity: warning
    annotations:
      summary: {{ `ARM is throttling the operator's {{ $labels.operation }} requests` | quote }}
      description: {{ printf "ARM has answered 429 to {{ $labels.operation }} requests for %s; the operator pauses the subscription for Retry-After, so pairings converge and fail over later. Lower the operator's budget (arm.readsPerSecond/writesPerSecond), lengthen poll.steady, or find what else spends the subscription's ARM quota." $r.armThrottledFor | quote }}
      runbook: {{ include "geodr.runbook" (list . "GeoDRArmThrottled") | quote }}
  - alert: GeoDROperatorDown
    expr: absent(up{job={{ default (include "geodr.metricsServiceName" .) $r.operatorJob | quote }}} == 1)
    for: {{ $r.operatorDownFor }}
    labels:
      severity: critical
    annotations:
      summary: "The Service Bus geo-DR operator is down or not scraped"
      description: {{ printf "No successful scrape of job %s for %s: pairings are not reconciled and failover requests are not served. `kubectl -n %s get pods -l app.kubernetes.io/name=%s` and its logs, then the ServiceMonitor/scrape configuration." (default (include "geodr.metricsServiceName" .) $r.operatorJob) $r.operatorDownFor .Release.Namespace (include "geodr.name" .) | quote }}
      runbook: {{ include "geodr.runbook" (list . "GeoDROperatorDown") | quote }}
{{- end }}
