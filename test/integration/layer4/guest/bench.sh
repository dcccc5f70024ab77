#!/bin/bash
# Guest scenario of bench/layer4.bench.ts: C-STORE throughput straight to the archive, through
# the EA DR VIP (IPVS) and through a Layer 7 VIP (the rendered haproxy.cfg), alternately; then
# the time from the archive's death to its removal from IPVS at the default check timing.
# With the SNAT site (files/lb-snat, QEMU only): straight versus through the SNAT VIP.
source "$(dirname "$0")/lib.sh"
RUNS=3
MODE=$(cat "$SHARED/mode")
switch_add br0
switch_add br1
ns i12-client
plug i12-client eth0 br0 192.0.2.10/24
ns i12-lb
plug i12-lb eth0 br0 192.0.2.5/24
plug i12-lb eth1 br1 198.51.100.1/24
in_ns i12-client ip route add 198.51.100.0/24 via 192.0.2.5

# ms_for HOST: one storescu of every bench image, in milliseconds (or "failed").
FILES_TO_SEND=("$SHARED"/dicom/bench-*.dcm)
ms_for() {
  local s; s=$(now_ms)
  if ! in_ns i12-client storescu -aet MODALITY -aec ARCHIVE -to 120 -ta 120 -td 120 "$1" 104 "${FILES_TO_SEND[@]}" > "$RUN/storescu.out" 2>&1; then
    log "storescu to $1 failed: $(tail -3 "$RUN/storescu.out")" >&2
    echo failed
    return
  fi
  echo $(( $(now_ms) - s ))
}
# measure NAME HOST...: RUNS rounds, each path once per round, alternately.
measure() {
  local names=() hosts=()
  while [ $# -gt 0 ]; do names+=("$1"); hosts+=("$2"); shift 2; done
  for run in $(seq "$RUNS"); do
    for i in "${!names[@]}"; do result "ms.${names[$i]}.$run" "$(ms_for "${hosts[$i]}")"; done
  done
}
result bytes "$(cat "${FILES_TO_SEND[@]}" | wc -c)"

if [ "$MODE" = dr ]; then
  FILES=$SHARED/files/lb-bench
  lb_prepare i12-lb "$FILES"
  dr_server i12-EA1 192.0.2.21 "$FILES/real-servers/192.0.2.21-linux.sh"
  dr_server i12-EA2 192.0.2.22 "$FILES/real-servers/192.0.2.22-linux.sh"
  storescp_start i12-EA1 --ignore
  storescp_start i12-EA2 --ignore
  keepalived_start i12-lb "$FILES/keepalived.conf"
  result ready_ms "$(wait_until 120000 servers_are i12-lb 192.0.2.100:104 "192.0.2.21 192.0.2.22")"
  # HAProxy binds the Layer 7 VIP, which keepalived has added by now (static_ipaddress).
  mkdir -p /run/haproxy
  service i12-lb haproxy haproxy -W -db -f "$FILES/haproxy.cfg"
  # One archive for the throughput figures: EA2's archive stops first (its check takes it out).
  service_kill i12-EA2 storescp
  wait_until 60000 servers_are i12-lb 192.0.2.100:104 "192.0.2.21" > /dev/null
  measure direct 192.0.2.21 dr 192.0.2.100 layer7 192.0.2.110
  # Death to removal at the default timing: EA2 back, then EA1's archive killed.
  storescp_start i12-EA2 --ignore
  wait_until 60000 servers_are i12-lb 192.0.2.100:104 "192.0.2.21 192.0.2.22" > /dev/null
  for run in $(seq "$RUNS"); do
    service_kill i12-EA1 storescp
    result "removal_ms.$run" "$(wait_until 60000 lacks_server i12-lb 192.0.2.100:104 192.0.2.21)"
    storescp_start i12-EA1 --ignore
    wait_until 60000 has_server i12-lb 192.0.2.100:104 192.0.2.21 > /dev/null
  done
else
  FILES=$SHARED/files/lb-snat
  lb_prepare i12-lb "$FILES"
  ns i12-DB1
  plug i12-DB1 eth0 br1 198.51.100.21/24
  in_ns i12-DB1 ip route add default via 198.51.100.1   # only for the straight path; SNAT replies need none
  storescp_start i12-DB1 --ignore
  keepalived_start i12-lb "$FILES/keepalived.conf"
  result ready_ms "$(wait_until 180000 servers_are i12-lb 1001 "198.51.100.21")"
  measure direct 198.51.100.21 snat 192.0.2.103
fi
result done 1
