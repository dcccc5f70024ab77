#!/bin/bash
# Guest scenario of vrrp.live.test.ts (user-mode-linux): an HA pair (two load balancer
# namespaces, keepalived -i primary and -i secondary on the rendered keepalived.conf of site
# lb-ha, lvs_sync_daemon included), DR real servers prepared by their generated scripts, a client.
source "$(dirname "$0")/lib.sh"
FILES=$SHARED/files/lb-ha
EA=192.0.2.100:104

switch_add br0
ns i12-client
plug i12-client eth0 br0 192.0.2.10/24
for node in a:5:primary b:6:secondary; do
  IFS=: read -r id host config <<< "$node"
  ns "i12-lb$id"
  plug "i12-lb$id" eth0 br0 "192.0.2.$host/24"
  lb_prepare "i12-lb$id" "$FILES"
done
for s in EA1:21 EA2:22; do
  dr_server "i12-${s%:*}" "192.0.2.${s#*:}" "$FILES/real-servers/192.0.2.${s#*:}-linux.sh"
  storescp_start "i12-${s%:*}"
done
keepalived_start i12-lba "$FILES/keepalived.conf" primary
keepalived_start i12-lbb "$FILES/keepalived.conf" secondary

holds() { ip -n "$1" -4 -o addr show dev eth0 | grep -q ' 192.0.2.100/32 '; }
both_ready() { servers_are i12-lba $EA "192.0.2.21 192.0.2.22" && servers_are i12-lbb $EA "192.0.2.21 192.0.2.22"; }
result ha.ready_ms "$(wait_until 90000 both_ready)"
# Both nodes start as BACKUP with nopreempt: the first whose timer runs out takes the VIP.
one_holds() { holds i12-lba || holds i12-lbb; }
result ha.vip_held_ms "$(wait_until 60000 one_holds)"
holder=i12-lba; other=i12-lbb
holds i12-lbb && { holder=i12-lbb; other=i12-lba; }
log "the VIP is on $holder"
holds "$other"; result ha.both_hold $((1 - $?))
echo_from i12-client 192.0.2.100; result ha.echo_before $?
# lvs_sync_daemon: keepalived runs the IPVS master sync daemon on the node that holds the VIP.
result ha.sync_master "$(in_ns "$holder" ipvsadm -L --daemon | grep -c 'master sync daemon')"
result ha.sync_backup "$(in_ns "$other" ipvsadm -L --daemon | grep -c 'backup sync daemon')"

ip -n "$holder" link set eth0 down
result ha.failover_ms "$(wait_until 60000 holds "$other")"
echo_from i12-client 192.0.2.100; result ha.echo_after $?

result done 1
