# shellcheck shell=bash
# Builds a tiny OCI image layout by hand (nothing can be pulled from outside): one gzip layer holding one file,
# an image config, a manifest, index.json and oci-layout. Sourced by scripts/e2e-registry.
#
#   make_oci_image DIR TAG     → DIR is an OCI layout with TAG; prints the manifest digest (sha256:…)

# sha256 of a file, hex only.
sha256_hex() { sha256sum "$1" | cut -d' ' -f1; }

# Moves FILE into DIR/blobs/sha256/<hex> and prints "<hex> <size>".
oci_add_blob() {
    local dir=$1 file=$2 hex size
    hex=$(sha256_hex "$file")
    size=$(stat -c %s "$file")
    mv "$file" "$dir/blobs/sha256/$hex"
    echo "$hex $size"
}

make_oci_image() {
    local dir=$1 tag=$2 scratch
    scratch=$(mktemp -d "$dir.scratch.XXXXXX")
    mkdir -p "$dir/blobs/sha256" "$scratch/rootfs"
    printf 'hello from the cloudcred registry end-to-end test\n' > "$scratch/rootfs/hello.txt"

    # The layer: a reproducible tar, gzip-compressed without a name or time stamp.
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$scratch/rootfs" -cf "$scratch/layer.tar" hello.txt
    local diff_id layer_hex layer_size
    diff_id=$(sha256_hex "$scratch/layer.tar")
    gzip -n -9 -c "$scratch/layer.tar" > "$scratch/layer.tar.gz"
    read -r layer_hex layer_size < <(oci_add_blob "$dir" "$scratch/layer.tar.gz")

    printf '%s' '{"architecture":"amd64","os":"linux","config":{"Cmd":["/hello.txt"]},"rootfs":{"type":"layers","diff_ids":["sha256:'"$diff_id"'"]},"history":[{"created_by":"scripts/e2e-registry"}]}' \
        > "$scratch/config.json"
    local config_hex config_size
    read -r config_hex config_size < <(oci_add_blob "$dir" "$scratch/config.json")

    printf '%s' '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",'\
'"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:'"$config_hex"'","size":'"$config_size"'},'\
'"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:'"$layer_hex"'","size":'"$layer_size"'}]}' \
        > "$scratch/manifest.json"
    local manifest_hex manifest_size
    read -r manifest_hex manifest_size < <(oci_add_blob "$dir" "$scratch/manifest.json")

    printf '%s' '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",'\
'"digest":"sha256:'"$manifest_hex"'","size":'"$manifest_size"',"annotations":{"org.opencontainers.image.ref.name":"'"$tag"'"}}]}' \
        > "$dir/index.json"
    printf '%s' '{"imageLayoutVersion":"1.0.0"}' > "$dir/oci-layout"
    rm -rf "$scratch"
    echo "sha256:$manifest_hex"
}
