// The node's sandbox ("pause") image's only binary, built by hack/node-up.sh: no registry serves
// registry.k8s.io/pause here, so the image is made from this.
module geodr.dev/pause

go 1.22
