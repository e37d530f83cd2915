# shellcheck shell=bash
# TLS material and docker-registry (distribution v2.8) configuration for scripts/e2e-registry. Sourced.
#
#   make_tls DIR HOST...                         → DIR/ca.crt, DIR/server.crt, DIR/server.key (SANs: every HOST)
#   write_registry_config FILE ADDR HOST STORAGE TLSDIR REALM ISSUER ROOTCERTS

# A throw-away CA and a server certificate it signs for every HOST (P-256, valid two days).
make_tls() {
    local dir=$1; shift
    local sans="" host
    for host in "$@"; do sans+="${sans:+,}DNS:$host"; done
    mkdir -p "$dir"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
        -subj "/O=cloudcred e2e/CN=cloudcred e2e throw-away CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
        -subj "/O=cloudcred e2e/CN=$1" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
    printf 'subjectAltName=%s\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' "$sans" \
        > "$dir/server.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -set_serial "0x$(openssl rand -hex 8)" \
        -days 2 -extfile "$dir/server.ext" -out "$dir/server.crt" 2>/dev/null
    rm -f "$dir/server.csr" "$dir/server.ext"
}

# One registry: TLS on ADDR (host:port), token auth against the emulator's realm, storage in STORAGE.
write_registry_config() {
    local file=$1 addr=$2 host=$3 storage=$4 tls=$5 realm=$6 issuer=$7 rootcerts=$8
    cat > "$file" <<EOF
version: 0.1
log:
  level: info
  formatter: text
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $storage
  delete:
    enabled: true
http:
  addr: $addr
  host: https://$host
  secret: $(openssl rand -hex 16)
  tls:
    certificate: $tls/server.crt
    key: $tls/server.key
auth:
  token:
    realm: $realm
    service: $host
    issuer: $issuer
    rootcertbundle: $rootcerts
EOF
}
