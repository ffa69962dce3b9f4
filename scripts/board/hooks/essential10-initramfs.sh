#!/bin/sh
# mmdebstrap essential hook (scripts/board/image), before the kernel and
# the rest are installed:
# - initramfs-tools will build a small initramfs holding the board's own
#   disk drivers (MODULES=list: virtio-mmio, virtio-blk, ext4) rather than
#   every storage driver (MODULES=most);
# - update-initramfs is diverted (dpkg-divert, as live-build does) to a
#   no-op while packages are installed: the kernel's postinst and then the
#   trigger of every package that touches the initramfs would each run
#   mkinitramfs under qemu-user (minutes each). customize90-initramfs.sh
#   puts it back and makes the initramfs once, with everything installed.
set -eu
root=$1
mkdir -p "$root/etc/initramfs-tools/conf.d" "$root/etc/initramfs-tools/hooks"
cat >"$root/etc/initramfs-tools/conf.d/board.conf" <<'EOT'
# The lab board boots from virtio-blk on virtio-mmio, ext4 (scripts/board).
MODULES=list
# zstd (the default) is a Recommends, not installed: gzip without a warning.
COMPRESS=gzip
EOT
cat >"$root/etc/initramfs-tools/hooks/board-disk" <<'EOT'
#!/bin/sh
# The lab board's root disk: virtio-blk on virtio-mmio, ext4.
PREREQ=""
prereqs() { echo "$PREREQ"; }
case "$1" in prereqs) prereqs; exit 0 ;; esac
. /usr/share/initramfs-tools/hook-functions
force_load virtio_mmio
force_load virtio_blk
force_load ext4
EOT
chmod 755 "$root/etc/initramfs-tools/hooks/board-disk"
chroot "$root" dpkg-divert --quiet --local --rename --add /usr/sbin/update-initramfs
printf '#!/bin/sh\n# diverted while the board image is built (scripts/board/hooks)\nexit 0\n' \
	>"$root/usr/sbin/update-initramfs"
chmod 755 "$root/usr/sbin/update-initramfs"
