# shellcheck shell=bash
# Source it. docker_archive <rootfs dir> <name:tag> <entrypoint JSON array> <out.tar>: packs a directory
# as a one-layer image in the docker-archive format (manifest.json + config + layer.tar), which
# `ctr images import` and `podman load` read. Used for the node's sandbox image, which no registry
# serves here. The layer is reproducible: sorted names, numeric owner root, fixed times.
docker_archive() {
  local rootfs="$1" ref="$2" entrypoint="$3" out="$4"
  local work layer_sha config_sha arch
  work="$(mktemp -d)"
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='1970-01-01 00:00:00Z' \
    -C "$rootfs" -cf "$work/layer.tar" .
  layer_sha="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
  case "$(uname -m)" in aarch64|arm64) arch=arm64 ;; *) arch=amd64 ;; esac
  printf '{"architecture":"%s","os":"linux","config":{"Entrypoint":%s},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created_by":"hack/lib/docker-archive.sh"}]}' \
    "$arch" "$entrypoint" "$layer_sha" >"$work/config.json"
  config_sha="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
  mv "$work/config.json" "$work/$config_sha.json"
  mkdir "$work/$layer_sha"
  mv "$work/layer.tar" "$work/$layer_sha/layer.tar"
  printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]' \
    "$config_sha" "$ref" "$layer_sha" >"$work/manifest.json"
  tar -C "$work" -cf "$out" manifest.json "$config_sha.json" "$layer_sha"
  rm -rf "$work"
}
