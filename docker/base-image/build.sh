#!/usr/bin/env bash
# Builds the base image of every SaferKent application image, without Docker and without a container registry:
# a minimal Debian bookworm root filesystem (debootstrap --variant=minbase) with Debian's Java 17 runtime
# (openjdk-17-jre-headless), curl (the compose healthchecks call it) and a non-root user saferkent (10001:10001),
# packed as one image tarball in the format of `docker save` (manifest.json, the image config, one layer).
#
# Jib takes it as the base image of every application (./mvnw -B -Pimages package, property saferkent.image.base,
# default tar://<this directory>/target/saferkent-base.tar). The result can also be loaded: docker load -i ...
#
#   sudo docker/base-image/build.sh [output.tar]      (root: debootstrap and chroot; needs only a Debian mirror)
#
# MIRROR (default http://deb.debian.org/debian) and SUITE (default bookworm) may be set in the environment.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/target/saferkent-base.tar}"
suite="${SUITE:-bookworm}"
mirror="${MIRROR:-http://deb.debian.org/debian}"
uid=10001
gid=10001
# every file of the layer carries this time, so the same packages give the same layer
epoch="${SOURCE_DATE_EPOCH:-$(date -d '2026-01-01T00:00:00Z' +%s)}"

[ "$(id -u)" -eq 0 ] || { echo "build.sh: run as root (debootstrap and chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
command -v python3 >/dev/null || { echo "build.sh: python3 is needed to write the image config" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/saferkent-base.XXXXXX")"
rootfs="$work/rootfs"
cleanup() {
  umount "$rootfs/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> debootstrap $suite (minbase) from $mirror"
debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
  || { tail -30 "$work/debootstrap.log" >&2; exit 1; }

echo "==> Java 17 runtime, curl, the user saferkent ($uid:$gid)"
mount -t proc proc "$rootfs/proc"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
chroot "$rootfs" /bin/sh -euc "
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless curl ca-certificates > /dev/null
  groupadd --system --gid $gid saferkent
  useradd --system --uid $uid --gid $gid --home-dir /app --no-create-home --shell /usr/sbin/nologin saferkent
  mkdir -p /app && chown $uid:$gid /app
  apt-get clean
  java -version
"
umount "$rootfs/proc"
# what an image need not carry: package lists, caches, documentation, logs
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
       "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
       "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/* "$rootfs"/tmp/* "$rootfs"/root/.bash_history
: > "$rootfs/etc/resolv.conf"
: > "$rootfs/etc/hostname"
rm -f "$rootfs/etc/machine-id" && : > "$rootfs/etc/machine-id"

java_home="$(readlink -f "$rootfs/usr/bin/java")"
java_home="${java_home#$rootfs}"
java_home="${java_home%/bin/java}"

echo "==> the layer"
image="$work/image"
mkdir -p "$image"
tar --create --file "$work/layer.tar" --directory "$rootfs" --sort=name --numeric-owner \
    --mtime="@$epoch" --xattrs --one-file-system .
gzip -n -6 < "$work/layer.tar" > "$work/layer.tar.gz"
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
layer_digest="$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)"
mv "$work/layer.tar.gz" "$image/$layer_digest.tar.gz"

echo "==> the image config and manifest.json (docker save format)"
python3 - "$image" "$layer_digest" "$diff_id" "$java_home" "$uid" "$gid" "$epoch" "$suite" <<'PY'
import hashlib, json, sys, datetime
image, layer_digest, diff_id, java_home, uid, gid, epoch, suite = sys.argv[1:]
created = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
config = {
    "architecture": "amd64",
    "os": "linux",
    "created": created,
    "config": {
        "User": f"{uid}:{gid}",
        "Env": [
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            f"JAVA_HOME={java_home}",
            "LANG=C.UTF-8",
        ],
        "WorkingDir": "/app",
        "Labels": {
            "org.opencontainers.image.title": "saferkent-base",
            "org.opencontainers.image.description":
                f"Debian {suite} (minbase), openjdk-17-jre-headless, curl, user saferkent {uid}:{gid}",
        },
    },
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created": created, "created_by": f"docker/base-image/build.sh (debootstrap {suite})"}],
}
data = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
config_name = hashlib.sha256(data).hexdigest() + ".json"
with open(f"{image}/{config_name}", "wb") as f:
    f.write(data)
with open(f"{image}/manifest.json", "w") as f:
    json.dump([{"Config": config_name, "RepoTags": ["saferkent/base:17"],
                "Layers": [f"{layer_digest}.tar.gz"]}], f)
PY

mkdir -p "$(dirname "$out")"
# the entries by name, no "./" (Jib refuses an entry that is not below the directory it extracts to)
(cd "$image" && tar --create --file "$out.tmp" --sort=name --numeric-owner --owner=0 --group=0 \
    --mtime="@$epoch" -- *)
mv "$out.tmp" "$out"
echo "==> $out ($(du -h "$out" | cut -f1)), java home $java_home"
