#!/bin/sh
# mmdebstrap customize hook (scripts/board/image), everything installed:
# update-initramfs back in its place (essential10-initramfs.sh diverted
# it), and the kernel's initramfs made once.
set -eu
root=$1
rm -f "$root/usr/sbin/update-initramfs"
chroot "$root" dpkg-divert --quiet --local --rename --remove /usr/sbin/update-initramfs
for k in "$root"/boot/vmlinuz-*; do
	chroot "$root" update-initramfs -c -k "${k##*/vmlinuz-}"
done
