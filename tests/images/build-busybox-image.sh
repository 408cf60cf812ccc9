#!/usr/bin/env bash
# Builds funccloud-busybox, the bootable test guest, from Debian packages only (apt-get download, dpkg-deb -x;
# nothing else from the network): a Debian kernel (AKI), a busybox initramfs (ARI) whose /init does the guest's
# work, and a small qcow2 root disk (AMI) the instance's overlay sits on. The guest runs from the initramfs;
# the AMI only carries a marker, so a snapshot of it boots again with the same kernel and ramdisk.
#
# Usage: tests/images/build-busybox-image.sh [OUT_DIR]   (default: tests/images/.build/funccloud-busybox)
# Idempotent and fast when up to date: the output is stamped with this script's hash and the kernel version.
# Needs (root, as in CI): busybox (the host binary is copied), dropbear-bin, cpio, qemu-utils, gzip.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/.build/funccloud-busybox}"
kernel_pkg="$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')"
[[ -n "$kernel_pkg" ]] || { echo "build-busybox-image: cannot resolve linux-image-amd64 (run apt-get update)" >&2; exit 1; }
stamp="$(sha256sum "$0" | cut -c1-16)-$kernel_pkg"
if [[ -f "$out/stamp" && "$(cat "$out/stamp")" == "$stamp" ]]; then
  echo "$out"
  exit 0
fi
for tool in cpio qemu-img gzip; do command -v "$tool" >/dev/null || { echo "build-busybox-image: $tool is missing" >&2; exit 1; }; done
[[ -x /usr/sbin/dropbear ]] || { echo "build-busybox-image: dropbear-bin is missing" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/deb" "$work/x" "$out"
chmod 755 "$work/deb"  # apt's _apt user writes the download here
# The packages are kept beside the output (tests/images/.build/debs): a change to this script rebuilds the image
# without downloading the kernel again (minutes on a busy mirror).
debs="$here/.build/debs"
mkdir -p "$debs"
for pkg in "$kernel_pkg" busybox-static; do
  if ! ls "$debs/${pkg}_"*.deb >/dev/null 2>&1; then
    (cd "$work/deb" && apt-get download -q "$pkg" >/dev/null 2>&1) \
      || { echo "build-busybox-image: apt-get download $pkg failed" >&2; exit 1; }
    mv "$work"/deb/*.deb "$debs/"
  fi
  for deb in "$debs/${pkg}_"*.deb; do dpkg-deb -x "$deb" "$work/x"; done
done
kver="$(ls "$work/x/lib/modules")"

root="$work/root"
mkdir -p "$root"/{bin,sbin,etc/udhcpc,etc/acpi,proc,sys,dev,tmp,run,mnt/config,root/.ssh,www,var/log,lib/modules,lib64,etc/dropbear}
cp "$work/x/bin/busybox" "$root/bin/busybox"
# The virtio, SCSI, CD-ROM and ACPI button drivers are modules in Debian's kernel: copied flat, loaded in
# dependency order by /init (no depmod needed).
modules="crct10dif_common crct10dif_generic crc-t10dif crc64 crc64_rocksoft_generic crc64-rocksoft t10-pi virtio_ring virtio
  virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci failover net_failover virtio_net virtio_blk scsi_common
  scsi_mod sd_mod virtio_scsi cdrom sr_mod isofs virtio_console button evdev"
: > "$root/lib/modules/order"
for m in $modules; do
  f="$(find "$work/x/lib/modules/$kver" -name "$m.ko" | head -1)"
  if [[ -n "$f" ]]; then cp "$f" "$root/lib/modules/"; echo "$m" >> "$root/lib/modules/order"; fi
done
# dropbear and the shared libraries it links (the host's Debian libraries, the same release).
cp /usr/sbin/dropbear "$root/sbin/"
for lib in $(ldd /usr/sbin/dropbear | grep -o '/[^ ]*'); do mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"; done

cat > "$root/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
P
echo 'root:*:1::::::' > "$root/etc/shadow"
echo 'root:x:0:' > "$root/etc/group"
echo '/bin/sh' > "$root/etc/shells"
# busybox acpid runs /etc/acpi/<action> for an event: the ACPI power button (what libvirt's shutdown presses)
# powers the guest off cleanly.
mkdir -p "$root/etc/acpi/PWRF"
printf '#!/bin/sh\necho "funccloud-busybox: power button, powering off" > /dev/console\nsync\npoweroff -f\n' > "$root/etc/acpi/PWRF/00000080"
chmod 755 "$root/etc/acpi/PWRF/00000080"
cat > "$root/etc/udhcpc/default.script" <<'S'
#!/bin/sh
# udhcpc's hook: configure the lease (address, routes incl. option 121, DNS).
case "$1" in
  deconfig) ip addr flush dev "$interface"; ip link set "$interface" up ;;
  bound|renew)
    ip addr flush dev "$interface"
    ip addr add "$ip/${mask:-24}" dev "$interface"
    [ -n "$mtu" ] && ip link set "$interface" mtu "$mtu"
    if [ -n "$staticroutes" ]; then
      set -- $staticroutes
      while [ $# -ge 2 ]; do ip route add "$1" via "$2" dev "$interface" 2>/dev/null; shift 2; done
    elif [ -n "$router" ]; then
      for r in $router; do ip route add default via "$r" dev "$interface" 2>/dev/null && break; done
    fi
    : > /etc/resolv.conf; for d in $dns; do echo "nameserver $d" >> /etc/resolv.conf; done
    echo "funccloud-busybox: $interface lease $ip/${mask:-24} router ${router:-none}" > /dev/console ;;
esac
exit 0
S
chmod 755 "$root/etc/udhcpc/default.script"

cat > "$root/init" <<'I'
#!/bin/busybox sh
# funccloud-busybox /init: every line prefixed "funccloud-busybox:" goes to the serial console (ttyS0).
/bin/busybox --install -s /bin
export PATH=/bin:/sbin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
mkdir -p /dev/pts; mount -t devpts devpts /dev/pts
say() { echo "funccloud-busybox: $*" > /dev/console; }
say "init started, kernel $(uname -r)"
# Three passes: a module whose dependency came later in the list loads on the next pass.
for pass in 1 2 3; do for m in $(cat /lib/modules/order); do insmod "/lib/modules/$m.ko" 2>/dev/null; done; done
say "modules loaded: $(cut -d' ' -f1 /proc/modules | tr '\n' ' ')"
acpid
ip link set lo up
for nic in $(ls /sys/class/net); do
  [ "$nic" = lo ] && continue
  ip link set "$nic" up
  say "dhcp on $nic ($(cat /sys/class/net/$nic/address))"
  # -O: ask for classless routes (option 121): the metadata address is routed through the DHCP port.
  udhcpc -i "$nic" -t 5 -T 2 -A 5 -b -O staticroutes -O mtu -s /etc/udhcpc/default.script >/dev/null 2>&1
done
sleep 1
hostname_=""; key=""; uuid=""
meta=""
# The config drive: the ISO9660 labelled config-2 (the static busybox has findfs, not blkid); the label is also
# read straight from the volume descriptor, and a CD-ROM still being probed gets a few seconds.
cfg=""
for try in 1 2 3 4 5; do
  cfg="$(findfs LABEL=config-2 2>/dev/null)"
  if [ -z "$cfg" ]; then
    for d in /dev/sr* /dev/vd*; do
      [ -b "$d" ] && [ "$(dd if="$d" bs=1 skip=32808 count=8 2>/dev/null)" = config-2 ] && cfg="$d" && break
    done
  fi
  [ -n "$cfg" ] || ! ls /sys/block | grep -q '^sr' && break
  sleep 1
done
if [ -n "$cfg" ] && { mount -t iso9660 -o ro "$cfg" /mnt/config 2>/dev/null || mount -o ro "$cfg" /mnt/config 2>/dev/null; }; then
  say "config drive $cfg"
  meta="$(cat /mnt/config/openstack/latest/meta_data.json 2>/dev/null)"
  [ -f /mnt/config/openstack/latest/user_data ] && cp /mnt/config/openstack/latest/user_data /tmp/user_data
else
  # Patient, as cloud-init is: the first answer goes proxy → controller → metadata API, slow on a busy host.
  # The time limit is busybox's timeout, not wget -T: Debian's static busybox 1.35 wget segfaults with -T.
  for try in 1 2 3 4 5 6 7 8; do
    meta="$(timeout 10 wget -q -O - http://169.254.169.254/openstack/latest/meta_data.json 2>/dev/null)" && [ -n "$meta" ] && break
    sleep 3
  done
  [ -n "$meta" ] && say "metadata from 169.254.169.254" && timeout 20 wget -q -O /tmp/user_data http://169.254.169.254/openstack/latest/user_data 2>/dev/null
fi
if [ -n "$meta" ]; then
  hostname_="$(echo "$meta" | sed -n 's/.*"hostname": *"\([^"]*\)".*/\1/p')"
  uuid="$(echo "$meta" | sed -n 's/.*"uuid": *"\([^"]*\)".*/\1/p')"
  echo "$meta" | sed -n 's/.*"public_keys": *{[^}]*"\(ssh-[^"]*\)".*/\1/p' | sed 's/\\n$//' > /root/.ssh/authorized_keys
else
  say "no metadata (no config drive, 169.254.169.254 unreachable)"
  # What the guest saw, for whoever reads the console: its routes and wget's own error.
  say "routes: $(ip route | tr '\n' ';')"
  say "wget: $(timeout 10 wget -q -O /dev/null http://169.254.169.254/openstack/latest/meta_data.json 2>&1 | tail -n 1)"
fi
[ -n "$hostname_" ] && hostname "$hostname_" && say "hostname $hostname_"
chmod 700 /root/.ssh; chmod 600 /root/.ssh/authorized_keys 2>/dev/null
[ -s /root/.ssh/authorized_keys ] && say "public key installed"
if [ -s /tmp/user_data ] && head -c 2 /tmp/user_data | grep -q '#!'; then
  say "running user_data"; chmod 755 /tmp/user_data; /tmp/user_data > /dev/console 2>&1; say "user_data exited $?"
fi
echo "<html><body><h1>funccloud-busybox</h1><p>instance $(hostname) ${uuid}</p></body></html>" > /www/index.html
httpd -p 80 -h /www && say "httpd listening on :80"
# dropbear's log (-E: stderr) goes to the console: a refused key says why there.
dropbear -R -E -p 22 2>/dev/console && say "dropbear listening on :22"
say "partitions:"; cat /proc/partitions > /dev/console
say "boot finished"
# Hot-plugged volumes show on the console: the listing again whenever it changes.
known="$(cat /proc/partitions)"
while true; do
  sleep 2
  now="$(cat /proc/partitions)"
  if [ "$now" != "$known" ]; then known="$now"; say "partitions changed:"; echo "$now" > /dev/console; fi
done
I
chmod 755 "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -9) > "$work/initrd.img"

cp "$work/x/boot/vmlinuz-$kver" "$out/vmlinuz"
mv "$work/initrd.img" "$out/initrd.img"
# The AMI: a tiny disk with a marker in its first sector (the guest lists it as vda).
printf 'funccloud-busybox root disk\n' > "$work/disk.raw"; truncate -s 64M "$work/disk.raw"
qemu-img convert -q -f raw -O qcow2 "$work/disk.raw" "$out/disk.qcow2"
echo "$stamp" > "$out/stamp"
echo "$out"
