# shellcheck shell=bash
# Source it. Everything the local scripts start (etcd, kube-apiserver, the operator's health port, the
# embedded ARM simulator) listens on loopback, and a developer's HTTPS_PROXY must not capture that traffic:
# curl and the Kubernetes Java client would otherwise send 127.0.0.1 requests to the proxy. Appends
# loopback to NO_PROXY/no_proxy; the operator's own ARM client keeps loopback direct regardless.
for _lb_var in NO_PROXY no_proxy; do
  export "$_lb_var=${!_lb_var:+${!_lb_var},}127.0.0.1,localhost"
done
unset _lb_var
