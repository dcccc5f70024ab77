#!/bin/bash
# Guest scenario of nft.live.test.ts (Debian's kernel under QEMU: the rendered nftables.nft
# needs the inet family): site lb-nft, with DAS_Pool's shape (DR, three ports, one firewall
# mark, source-IP persistence) and DB_MT's (SNAT, every TCP port except 20000, masquerade).
source "$(dirname "$0")/lib.sh"
FILES=$SHARED/files/lb-nft
DAS=1001
DB=1002

switch_add br0   # 192.0.2.0/24
switch_add br1   # 198.51.100.0/24: the SNAT servers have no route back to the clients
ns i12-client
plug i12-client eth0 br0 192.0.2.10/24
ns i12-lb
plug i12-lb eth0 br0 192.0.2.5/24
plug i12-lb eth1 br1 198.51.100.1/24
lb_prepare i12-lb "$FILES"
# name responder NS PORT NAME: answers "NAME PEER-ADDRESS" on PORT.
responder() { service "$1" "port$2" socat -t 10 "TCP-LISTEN:$2,fork,reuseaddr" SYSTEM:"echo $3 \$SOCAT_PEERADDR"; }
for s in DAS1:31 DAS2:32; do
  dr_server "i12-${s%:*}" "192.0.2.${s#*:}" "$FILES/real-servers/192.0.2.${s#*:}-linux.sh"
  storescp_start "i12-${s%:*}"
  responder "i12-${s%:*}" 4100 "${s%:*}"
  http_start "i12-${s%:*}" "${s%:*}"
done
for s in DB1:21 DB2:22; do
  ns "i12-${s%:*}"
  plug "i12-${s%:*}" eth0 br1 "198.51.100.${s#*:}/24"
  storescp_start "i12-${s%:*}"
  responder "i12-${s%:*}" 5432 "${s%:*}"
  responder "i12-${s%:*}" 20000 "${s%:*}"
done
keepalived_start i12-lb "$FILES/keepalived.conf"

ready() { servers_are i12-lb $DAS "192.0.2.31 192.0.2.32" && servers_are i12-lb $DB "198.51.100.21 198.51.100.22"; }
result ready_ms "$(wait_until 180000 ready)"
result das.servers "$(servers_of i12-lb $DAS)"
result db.servers "$(servers_of i12-lb $DB)"
# (-t 20: after sending nothing, wait for the answer of a slow guest instead of 0.5 s.)
ask() { in_ns i12-client socat -t 20 -T 30 - "TCP:$1:$2" < /dev/null; }

# --- SNAT through the firewall mark: the server sees the load balancer, the excluded port is not forwarded.
answer=$(ask 192.0.2.103 5432); log "5432: $answer"
result snat.answer "$answer"
echo_from i12-client 192.0.2.103; result snat.echo $?
answer=$(ask 192.0.2.103 20000); status=$?; log "20000: $status $answer"
result snat.excluded "status=$status answer=${answer:-none}"

# --- DAS_Pool: one client stays on one server across the three ports (source-IP persistence).
before1=$(stored_count i12-DAS1); before2=$(stored_count i12-DAS2)
for round in 1 2; do
  result "das.round$round.8080" "$(http_from i12-client 192.0.2.101)"
  result "das.round$round.4100" "$(ask 192.0.2.101 4100 | cut -d' ' -f1)"
  store_from i12-client 192.0.2.101 "$SHARED/dicom/$round.dcm" > /dev/null 2>&1
  result "das.round$round.104" "$( [ "$(stored_count i12-DAS1)" -gt "$before1" ] && echo DAS1) $( [ "$(stored_count i12-DAS2)" -gt "$before2" ] && echo DAS2)"
done

result done 1
