#!/bin/sh
# mmdebstrap customize hook (scripts/board/image): the board's name, its
# file systems, and the lab unit. At boot the unit runs /mnt/lab/guest-run
# from the lab disk (label hvcb-lab; scripts/board/run writes it) and
# powers the board off when that ends; without a lab disk it does nothing.
set -eu
root=$1
echo board >"$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tboard\n' >"$root/etc/hosts"
cat >"$root/etc/fstab" <<'EOT'
LABEL=hvcb-root  /         ext4  rw,errors=remount-ro                     0  0
LABEL=hvcb-lab   /mnt/lab  ext4  rw,nofail,x-systemd.device-timeout=30s   0  0
EOT
mkdir -p "$root/mnt/lab"
cat >"$root/etc/systemd/system/lab-steps.service" <<'EOT'
[Unit]
Description=The lab's steps from the lab disk
ConditionPathExists=/mnt/lab/guest-run
RequiresMountsFor=/mnt/lab
SuccessAction=poweroff
FailureAction=poweroff

[Service]
# idle: started once every other boot job has been dispatched (as getty).
Type=idle
ExecStart=/bin/sh /mnt/lab/guest-run
StandardOutput=journal+console
StandardError=journal+console
TimeoutStartSec=infinity

[Install]
WantedBy=multi-user.target
EOT
mkdir -p "$root/etc/systemd/system/multi-user.target.wants"
ln -sf /etc/systemd/system/lab-steps.service \
	"$root/etc/systemd/system/multi-user.target.wants/lab-steps.service"
# dpkg's fsync-less unpacking was for building the image only.
sed -i '/^force-unsafe-io$/d' "$root/etc/dpkg/dpkg.cfg.d/99mmdebstrap"
