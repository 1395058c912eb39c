#!/usr/bin/env bash
# Checks an application image tarball (./mvnw -B -Pimages package) without Docker:
#   1. from its config: a non-root numeric user, Jib's layers (base, dependencies, project dependencies,
#      resources, classes, jvm arg files), the container JVM flags and the main class in the entrypoint, the port;
#   2. unpacks its layers into a root directory and, in new mount and PID namespaces, runs as the image's user
#      inside that root: `java <the image's JVM flags> -XX:+PrintFlagsFinal -version` (the JVM and its heap limit),
#      then the image's entrypoint itself, for up to CHECK_SECONDS (default 60), until the application logs
#      that it is starting (Spring Boot's "Starting <Application>"). No broker or store is needed: the check
#      stops there (the application may then fail for lack of them, which is not the image's fault).
#
#   sudo docker/base-image/check-image.sh [services/referrals/target/referrals-0.1.0-SNAPSHOT-image.tar]
#
# Needs root (unshare, chroot, mount), tar and python3. Exit status 0: the image passed every check.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tarball="${1:-$(ls "$repo"/services/referrals/target/referrals-*-image.tar 2>/dev/null | head -1)}"
seconds="${CHECK_SECONDS:-60}"
[ -f "$tarball" ] || { echo "check-image.sh: no image tarball (build one: ./mvnw -B -Pimages -DskipTests package)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "check-image.sh: run as root (unshare, chroot)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/saferkent-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image" "$work/root"
tar -xf "$tarball" -C "$work/image" --warning=no-unknown-keyword

echo "==> $tarball: the image config"
# prints shell assignments: USER, ENTRYPOINT (one argument a line in a file), ENV (likewise), WORKDIR, JVM_FLAGS
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
manifest = json.load(open(f"{work}/image/manifest.json"))[0]
config = json.load(open(f"{work}/image/" + manifest["Config"]))
c = config["config"]
failures = []
def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what)
    if not ok:
        failures.append(what)

print("  tags  ", ", ".join(manifest.get("RepoTags", [])))
user = c.get("User", "")
uid = user.split(":")[0]
check(uid.isdigit() and int(uid) != 0, f"user {user!r} is numeric and not root")
layers = [h.get("comment", h.get("created_by", "")) for h in config["history"] if not h.get("empty_layer")]
print("  layers", " | ".join(layers))
check(len(layers) == len(manifest["Layers"]) == len(config["rootfs"]["diff_ids"]), "one history entry per layer")
for layer in ("dependencies", "resources", "classes"):
    check(layer in layers, f"a layer of its own for {layer}")
check(layers.index("classes") == len([l for l in layers if l != "jvm arg files"]) - 1,
      "the classes (what changes most) are the last application layer")
entrypoint = c.get("Entrypoint") or []
print("  entrypoint", " ".join(entrypoint))
for flag in ("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError"):
    check(flag in entrypoint, f"the entrypoint's JVM flags include {flag}")
main = entrypoint[-1] if entrypoint else ""
check(main.startswith("org.saferkent.") and main.endswith("Application"), f"the main class {main}")
ports = list(c.get("ExposedPorts", {}))
env = c.get("Env", [])
server_port = [e.split("=", 1)[1] for e in env if e.startswith("SERVER_PORT=")]
check(len(ports) == 1 and server_port and ports[0] == server_port[0] + "/tcp",
      f"exposes {ports} = SERVER_PORT {server_port}")
labels = c.get("Labels", {})
check("org.opencontainers.image.version" in labels and "org.opencontainers.image.title" in labels,
      f"labels {sorted(labels)}")
with open(f"{work}/layers", "w") as f:
    f.write("\n".join(manifest["Layers"]) + "\n")
with open(f"{work}/entrypoint", "w") as f:
    f.write("\n".join(entrypoint + (c.get("Cmd") or [])) + "\n")
with open(f"{work}/jvmflags", "w") as f:
    f.write("\n".join(a for a in entrypoint[1:] if a.startswith("-XX:") or a.startswith("-D")) + "\n")
with open(f"{work}/env", "w") as f:
    f.write("\n".join(env) + "\n")
with open(f"{work}/user", "w") as f:
    f.write(user + "\n")
with open(f"{work}/workdir", "w") as f:
    f.write(c.get("WorkingDir", "/") + "\n")
with open(f"{work}/main", "w") as f:
    f.write(main.rsplit(".", 1)[-1] + "\n")
sys.exit(1 if failures else 0)
PY

echo "==> unpacking the layers"
while read -r layer; do
  [ -n "$layer" ] && tar -xzf "$work/image/$layer" -C "$work/root" --numeric-owner --same-owner --warning=no-unknown-keyword
done < "$work/layers"
user="$(cat "$work/user")"
workdir="$(cat "$work/workdir")"
mapfile -t entrypoint < "$work/entrypoint"
mapfile -t jvmflags < "$work/jvmflags"
mapfile -t env < "$work/env"
main="$(cat "$work/main")"
ls -ld "$work/root$workdir" | awk '{print "  " $0}'

# runs its arguments as the image's user in the image's root: private mounts (/proc of the new PID namespace,
# the host's /dev), the image's environment only, its working directory
in_image() {
  unshare --mount --pid --fork --kill-child /bin/sh -ec '
    root="$1"; workdir="$2"; user="$3"; shift 3
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    exec chroot --userspec="$user" "$root" /usr/bin/env -i "$@"
  ' sh "$work/root" "$workdir" "$user" "${env[@]}" /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" "$@"
}

failed=0
echo "==> as $user inside the image: whoami, java -version with the image's JVM flags"
in_image /bin/sh -c 'echo "  uid $(id -u) gid $(id -g) ($(id -un)), in $(pwd), /tmp writable: $(touch /tmp/.w && rm /tmp/.w && echo yes)"'
[ "$(in_image id -u)" != 0 ] || { echo "  FAIL  runs as root"; failed=1; }
# the compose healthchecks call curl in the container
in_image curl --version 2>&1 | head -1 | sed 's/^/  /'
in_image curl --version > /dev/null 2>&1 || { echo "  FAIL  no curl for the healthchecks"; failed=1; }
in_image java "${jvmflags[@]}" -XX:+PrintFlagsFinal -version > "$work/flags.txt" 2>&1 || { cat "$work/flags.txt"; failed=1; }
grep -E ' (MaxRAMPercentage|InitialRAMPercentage|ExitOnOutOfMemoryError|UseContainerSupport|MaxHeapSize) ' "$work/flags.txt" | sed 's/^/  /'
grep -E '^(openjdk|OpenJDK)' "$work/flags.txt" | sed 's/^/  /'

echo "==> as $user inside the image: the entrypoint (${entrypoint[*]}), up to ${seconds}s"
in_image "${entrypoint[@]}" > "$work/app.log" 2>&1 &
app=$!
started=""
for _ in $(seq 1 "$seconds"); do
  if grep -q "Starting $main" "$work/app.log"; then started=yes; break; fi
  kill -0 "$app" 2>/dev/null || break
  sleep 1
done
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
grep -m1 -o "Starting $main[^\"]*" "$work/app.log" | cut -c1-200 | sed 's/^/  /' || true
if [ -n "$started" ]; then
  echo "  ok    the JVM started $main in the image as $user"
else
  echo "  FAIL  $main did not start; its output:"; tail -40 "$work/app.log" | sed 's/^/  | /'
  failed=1
fi
[ "$failed" -eq 0 ] && echo "==> image check passed" || echo "==> image check FAILED"
exit "$failed"
