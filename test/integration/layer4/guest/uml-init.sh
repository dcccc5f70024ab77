#!/bin/bash
# init (pid 1) of a user-mode-linux guest of the live Layer 4 tests (test/support/l4-kernel.ts).
# The root is the host's, read-only (hostfs); this mounts what the scenario needs, runs it, and
# powers off. The kernel passes pacs_lb_shared (the shared folder, mounted writable at the same
# path), pacs_lb_modules (UML's module folder) and pacs_lb_script in the environment.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs tmpfs /run
mkdir -p /run/netns
# UML's modules, where modprobe (and keepalived, and nft) look for them.
mount -t tmpfs tmpfs /lib/modules
ln -s "$pacs_lb_modules" "/lib/modules/$(uname -r)"
# Writable layers the scenario needs: the check script's folder, the DR scripts' sysctl.d.
mount -t tmpfs tmpfs /usr/local/lib
mount -t tmpfs tmpfs /etc/sysctl.d
mount -t hostfs none "$pacs_lb_shared" -o "$pacs_lb_shared"
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/run
bash "$pacs_lb_shared/$pacs_lb_script" "$pacs_lb_shared"
poweroff -f
