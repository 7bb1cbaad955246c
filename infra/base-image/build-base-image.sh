#!/usr/bin/env bash
# Assembles the services' base container image without a container registry or a Docker daemon:
# a distroless-style root filesystem from Debian packages (glibc and little else) plus a Java
# runtime made with jlink from the build's JDK, written as a `docker save` tarball that Jib uses as
# its base image (tar://...) and `docker load` accepts.
#
# The output is reproducible: the same JDK and the same package versions give the same bytes (file
# times, owners and order are fixed), and it is cached under the cache directory by a key made of
# those inputs and this script, so a rebuild costs a copy.
#
# Usage: build-base-image.sh <output.tar> [image reference]
# Environment: JAVA_HOME (the JDK whose jlink makes the runtime; required),
#              BASE_IMAGE_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/order-saga/base-image).
set -euo pipefail

output=${1:?usage: build-base-image.sh <output.tar> [image reference]}
reference=${2:-ordersaga/java-base:latest}
: "${JAVA_HOME:?JAVA_HOME must point at the JDK whose jlink makes the Java runtime of the image}"
cache=${BASE_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/order-saga/base-image}

# glibc is all the JDK's native code links against (libc, libm, libdl, libpthread, librt, the
# loader); libgcc-s1 is what glibc loads for thread cancellation; netbase gives /etc/services and
# /etc/protocols. The JDK bundles its own zlib, certificates and time zone data.
packages=(libc6 libgcc-s1 netbase)
# What Spring Boot, Hibernate, the Kafka clients (SASL, JMX), Debezium and the JDBC driver use.
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.charsets,jdk.security.auth,jdk.jfr
java_home_in_image=/opt/java/openjdk
# Every file in the image gets this time: 2026-11-25T00:00:00Z, the project's outputTimestamp.
epoch=1795564800

for tool in apt-get apt-cache dpkg-deb tar gzip sha256sum; do
  if ! command -v "$tool" >/dev/null; then
    echo "build-base-image: '$tool' is missing. The base image is assembled from Debian packages and" >&2
    echo "needs a Debian or Ubuntu host; elsewhere build the images on a registry base image:" >&2
    echo "  ./mvnw package -Djib.from.image=eclipse-temurin:21-jre   (see docs/running-with-compose.md)" >&2
    exit 1
  fi
done
if [ ! -x "$JAVA_HOME/bin/jlink" ]; then
  echo "build-base-image: $JAVA_HOME has no bin/jlink (a JRE?); point JAVA_HOME at a JDK 21+." >&2
  exit 1
fi

# The exact package versions apt would download now, and the JDK's identity, make the cache key.
versions=()
for package in "${packages[@]}"; do
  version=$(apt-cache policy "$package" | awk '/Candidate:/ {print $2}')
  if [ -z "$version" ] || [ "$version" = "(none)" ]; then
    echo "build-base-image: apt knows no candidate for $package; run 'apt-get update' first." >&2
    exit 1
  fi
  versions+=("$package=$version")
done
jdk_release=$(cat "$JAVA_HOME/release")
key=$( { cat "$0"; printf '%s\n' "${versions[@]}" "$reference" "$jdk_release"; } | sha256sum | cut -c1-16)
cached="$cache/java-base-$key.tar"

mkdir -p "$(dirname "$output")"
if [ -f "$cached" ]; then
  cp "$cached" "$output"
  echo "build-base-image: $output from the cache ($cached)"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/order-saga-base-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
os="$work/os"
java="$work/java"
mkdir -p "$work/debs" "$os" "$java"

echo "build-base-image: downloading ${versions[*]}"
# apt's sandbox user cannot write to a root-owned temp dir; the download is verified by apt either way.
(cd "$work/debs" && apt-get download -o APT::Sandbox::User=root "${versions[@]}" >/dev/null)
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$os"
done
# Keep the licences, drop what a runtime never reads.
rm -rf "$os"/usr/share/{man,info,lintian,locale} "$os"/usr/share/doc/*/changelog*
# proc, sys and dev are mount points a container runtime fills.
mkdir -p "$os"/etc "$os"/tmp "$os"/home/nonroot "$os"/usr/share/order-saga "$os"/proc "$os"/sys "$os"/dev
chmod 1777 "$os/tmp"
cat > "$os/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat > "$os/etc/group" <<'GROUP'
root:x:0:
nogroup:x:65534:
nonroot:x:65532:
GROUP
printf 'hosts: files dns\n' > "$os/etc/nsswitch.conf"
cat > "$os/etc/os-release" <<RELEASE
PRETTY_NAME="order-saga java-base (Debian $(cut -d. -f1 /etc/debian_version 2>/dev/null || echo unknown) packages)"
NAME="order-saga java-base"
ID=order-saga-java-base
RELEASE
printf '%s\n' "${versions[@]}" > "$os/usr/share/order-saga/packages.txt"

echo "build-base-image: jlink $modules from $JAVA_HOME"
mkdir -p "$java$(dirname "$java_home_in_image")"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$java$java_home_in_image"

# One layer for the OS files, one for Java: a new JDK does not change the OS layer. Every entry is
# owned by root except the nonroot user's home, appended with its own owner (works without root).
tar_options=(--sort=name --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime
  --mtime="@$epoch" --numeric-owner)
tar --create --file="$work/os.tar" --directory="$os" "${tar_options[@]}" --owner=0 --group=0 \
  --exclude=./home/nonroot .
tar --append --file="$work/os.tar" --directory="$os" "${tar_options[@]}" --owner=65532 --group=65532 \
  --no-recursion ./home/nonroot
tar --create --file="$work/java.tar" --directory="$java" "${tar_options[@]}" --owner=0 --group=0 .
for name in os java; do
  gzip -n -6 < "$work/$name.tar" > "$work/$name.tar.gz"
done

image="$work/image"
mkdir -p "$image"
diff_ids=()
layer_files=()
for name in os java; do
  digest=$(sha256sum < "$work/$name.tar" | cut -d' ' -f1)
  diff_ids+=("\"sha256:$digest\"")
  mkdir -p "$image/$digest"
  mv "$work/$name.tar.gz" "$image/$digest/layer.tar.gz"
  layer_files+=("\"$digest/layer.tar.gz\"")
done
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
java_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release")
config=$(cat <<JSON
{"architecture":"amd64","os":"linux","created":"$created","config":{"User":"65532:65532","Env":["PATH=$java_home_in_image/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home_in_image","JAVA_VERSION=$java_version","LANG=C.UTF-8"],"WorkingDir":"/home/nonroot","Labels":{"org.opencontainers.image.title":"order-saga java-base","org.opencontainers.image.description":"glibc from Debian packages and a jlink Java runtime"}},"rootfs":{"type":"layers","diff_ids":[$(IFS=,; echo "${diff_ids[*]}")]},"history":[{"created":"$created","created_by":"build-base-image.sh: ${versions[*]}"},{"created":"$created","created_by":"build-base-image.sh: jlink $java_version"}]}
JSON
)
config_digest=$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)
printf '%s' "$config" > "$image/$config_digest.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":[%s]}]' \
  "$config_digest" "$reference" "$(IFS=,; echo "${layer_files[*]}")" > "$image/manifest.json"

mkdir -p "$cache"
# Entries named without a leading ./ (Jib refuses to unpack a ./ entry).
mapfile -t entries < <(cd "$image" && ls -A | LC_ALL=C sort)
tar --create --file="$work/image.tar" --directory="$image" "${tar_options[@]}" --owner=0 --group=0 "${entries[@]}"
mv "$work/image.tar" "$cached.partial" && mv "$cached.partial" "$cached"
cp "$cached" "$output"
echo "build-base-image: $output ($reference, $(du -h "$output" | cut -f1), cached as $cached)"
