#!/bin/bash
# Makes the local certificate authority and one certificate per host of docker-compose.yml (README, "Encryption in
# transit"). Idempotent: what exists is kept (the CA, and each host's certificate while the CA signed it), what is
# missing is made. Needs openssl and keytool (the JDK that builds the project).
#
#   docker/tls/make-certs.sh            # writes docker/tls/out/ (git-ignored)
#   docker/tls/make-certs.sh DIR [HOST...]   # elsewhere, or only these hosts (the tests use this)
#
# DIR/ca.key, DIR/ca.crt           the CA: its key never leaves DIR (no container mounts it)
# DIR/<host>/tls.crt, tls.key      the host's certificate (names <host>, localhost, 127.0.0.1) and its key (PKCS#8)
# DIR/<host>/tls.pem               key and certificate in one file (Kafka's PEM key store, mongod's certificate key file)
# DIR/<host>/ca.crt                the CA, which every client trusts
# DIR/<host>/truststore.p12        the CA as a Java trust store (the services' JVM: issuer, key set, claim check),
#                                  password "saferkent-ca" (it holds a public certificate only, no secret)
# Each container mounts its own DIR/<host> at /etc/saferkent/tls, read-only.
set -euo pipefail

OUT="${1:-$(cd "$(dirname "$0")" && pwd)/out}"
shift || true
DAYS="${SAFERKENT_TLS_DAYS:-825}"
HOSTS=("$@")
# the JDK's keytool: on the PATH, else JAVA_HOME's (KEYTOOL names another)
KEYTOOL="${KEYTOOL:-$(command -v keytool || echo "${JAVA_HOME:-/usr}/bin/keytool")}"
if [ ${#HOSTS[@]} -eq 0 ]; then
  HOSTS=(kafka mongodb identity referrals victims restorative-justice commissioning ops-monitor partnership
         kafka-init
         cluster-kafka-1 cluster-kafka-2 cluster-kafka-3 cluster-kafka-init cluster-mongo-1 cluster-mongo-2 cluster-mongo-3
         cluster-referrals cluster-victims cluster-restorative-justice cluster-commissioning cluster-ops-monitor
         cluster-partnership cluster-proxy)
fi

mkdir -p "$OUT"
umask 077
if [ ! -s "$OUT/ca.key" ] || [ ! -s "$OUT/ca.crt" ]; then
  openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days "$DAYS" -subj "/O=SaferKent/CN=SaferKent local CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$OUT/ca.key" -out "$OUT/ca.crt" 2> /dev/null
  echo "made the CA: $OUT/ca.crt"
fi

for host in "${HOSTS[@]}"; do
  dir="$OUT/$host"
  mkdir -p "$dir"
  if [ -s "$dir/tls.crt" ] && [ -s "$dir/tls.key" ] && openssl verify -CAfile "$OUT/ca.crt" "$dir/tls.crt" > /dev/null 2>&1; then
    :
  else
    openssl req -newkey rsa:2048 -sha256 -nodes -subj "/O=SaferKent/CN=$host" -keyout "$dir/tls.key" -out "$dir/tls.csr" 2> /dev/null
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" > "$dir/tls.ext"
    openssl x509 -req -sha256 -days "$DAYS" -in "$dir/tls.csr" -CA "$OUT/ca.crt" -CAkey "$OUT/ca.key" -CAcreateserial \
      -extfile "$dir/tls.ext" -out "$dir/tls.crt" 2> /dev/null
    rm -f "$dir/tls.csr" "$dir/tls.ext" "$dir/truststore.p12"
    echo "made $host's certificate"
  fi
  cp "$OUT/ca.crt" "$dir/ca.crt"
  cat "$dir/tls.key" "$dir/tls.crt" > "$dir/tls.pem"
  if [ ! -s "$dir/truststore.p12" ]; then
    "$KEYTOOL" -importcert -noprompt -alias saferkent-ca -file "$OUT/ca.crt" -keystore "$dir/truststore.p12" \
      -storetype PKCS12 -storepass saferkent-ca > /dev/null 2>&1
  fi
  # the containers run as users of their own (mongod 999, kafka 1000, the services' non-root user): readable by all of
  # them inside the container; the directory on the host stays the owner's only (umask above)
  chmod 644 "$dir"/*
  chmod 755 "$dir"
done
chmod 700 "$OUT"
chmod 600 "$OUT/ca.key"
