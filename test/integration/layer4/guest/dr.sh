#!/bin/bash
# Guest scenario of dr.live.test.ts (user-mode-linux): one load balancer running the rendered
# files of site lb-dr (files/lb-dr), DR real servers on the LAN prepared by their generated
# scripts, and a client on the LAN. Each phase writes its findings; the test asserts on them.
source "$(dirname "$0")/lib.sh"
FILES=$SHARED/files/lb-dr
CONF=$RUN/keepalived.conf

switch_add br0   # 192.0.2.0/24
ns i12-client
plug i12-client eth0 br0 192.0.2.10/24
ns i12-lb
plug i12-lb eth0 br0 192.0.2.5/24
lb_prepare i12-lb "$FILES"

for s in EA1:21 EA2:22; do
  dr_server "i12-${s%:*}" "192.0.2.${s#*:}" "$FILES/real-servers/EA_Dicom_Service/${s%:*}-linux.sh"
  storescp_start "i12-${s%:*}"
done
for s in HL1:41 HL2:42; do
  dr_server "i12-${s%:*}" "192.0.2.${s#*:}" "$FILES/real-servers/HL7_Orders/${s%:*}-linux.sh"
  mllp_start "i12-${s%:*}" "${s%:*}"
done
for s in WEB1:51 WEB2:52; do
  dr_server "i12-${s%:*}" "192.0.2.${s#*:}" "$FILES/real-servers/Web_Viewer/${s%:*}-linux.sh"
  http_start "i12-${s%:*}" "${s%:*}"
done

cp "$FILES/keepalived.conf" "$CONF"
keepalived_start i12-lb "$CONF"

EA=192.0.2.100:104
HL7=192.0.2.102:2575
WEB=192.0.2.104:8080
result ready_ms "$(wait_until 90000 all_ready)"
result ea.servers "$(servers_of i12-lb $EA)"
result hl7.servers "$(servers_of i12-lb $HL7)"
result web.servers "$(servers_of i12-lb $WEB)"

# --- DR: C-ECHO and C-STORE through the VIP; the switch counts where the replies go.
probe "ip daddr 192.0.2.100 tcp dport 104 oifname $(port_of i12-lb eth0)" \
      "ip saddr 192.0.2.100 tcp sport 104 oifname $(port_of i12-lb eth0)" \
      "ip saddr 192.0.2.100 tcp sport 104 oifname $(port_of i12-client eth0)"
echo_from i12-client 192.0.2.100; result dr.echo $?
store_from i12-client 192.0.2.100 "$SHARED/dicom/1.dcm"; result dr.store $?
result dr.stored "$(( $(stored_count i12-EA1) + $(stored_count i12-EA2) ))"
result dr.requests_to_lb "$(probe_count 1)"
result dr.replies_to_lb "$(probe_count 2)"
result dr.replies_to_client "$(probe_count 3)"

result done 1
