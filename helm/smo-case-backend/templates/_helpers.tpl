{{/* Chart name, truncated to the DNS label limit. */}}
{{- define "smo-case-backend.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: release name plus chart name, unless the release already contains it. */}}
{{- define "smo-case-backend.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "smo-case-backend.selectorLabels" -}}
app.kubernetes.io/name: {{ include "smo-case-backend.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "smo-case-backend.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "smo-case-backend.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The database must hold every replica's pool at the largest scale the chart allows, plus what the server keeps for
others: fail the render, not the pods at 3 a.m. when the autoscaler adds the replica that exhausts max_connections.
*/}}
{{- define "smo-case-backend.checkConnections" -}}
{{- $replicas := ternary .Values.autoscaling.maxReplicas .Values.replicaCount .Values.autoscaling.enabled | int -}}
{{- $needed := add (mul $replicas .Values.database.poolSize) .Values.database.reservedConnections | int -}}
{{- if gt $needed (int .Values.database.maxConnections) -}}
{{- fail (printf "database connections: %d replicas x poolSize %d + reservedConnections %d = %d exceeds database.maxConnections %d; lower the pool or the replicas, or raise max_connections (or put PgBouncer in front: docs/scaling.md)" $replicas (int .Values.database.poolSize) (int .Values.database.reservedConnections) $needed (int .Values.database.maxConnections)) -}}
{{- end -}}
{{- end }}
