{{/* The chart name, overridable. */}}
{{- define "authd.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's objects. Truncated at 63 characters: some Kubernetes name fields are limited to
that (DNS-1123). A release name that already contains the chart name is used as it is.
*/}}
{{- define "authd.fullname" -}}
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

{{- define "authd.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object. helm.sh/chart changes with each chart version, so it is never in a selector. */}}
{{- define "authd.labels" -}}
helm.sh/chart: {{ include "authd.chart" . }}
{{ include "authd.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: authd
{{- end }}

{{/* Selector labels: only what never changes over the life of a release (a Deployment's selector is immutable). */}}
{{- define "authd.selectorLabels" -}}
app.kubernetes.io/name: {{ include "authd.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "authd.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "authd.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding the nonce key ring (key nonce-keys) and the admin token hash (key admin-token-hash). */}}
{{- define "authd.secretName" -}}
{{- default (include "authd.fullname" .) .Values.secret.existingSecret }}
{{- end }}

{{- define "authd.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
The Service port's appProtocol. Without TLS the port speaks HTTP/1.1 and HTTP/2 with prior knowledge (h2c, which
gRPC needs) on the same socket: kubernetes.io/h2c tells Gateway API implementations and meshes to use h2c
upstream. With TLS it is https (h2 is chosen by ALPN).
*/}}
{{- define "authd.appProtocol" -}}
{{- if .Values.service.appProtocol }}
{{- .Values.service.appProtocol }}
{{- else if .Values.tls.enabled }}
{{- "https" }}
{{- else }}
{{- "kubernetes.io/h2c" }}
{{- end }}
{{- end }}

{{/* The pod's grace period: the drain, the time given to requests in flight, and a margin to close the stores. */}}
{{- define "authd.terminationGracePeriodSeconds" -}}
{{- add .Values.shutdown.drainSeconds .Values.shutdown.timeoutSeconds 10 }}
{{- end }}
