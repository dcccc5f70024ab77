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
  dr_server "i12-${s%:*}" "192.0.2.${s#*:}" "$FILES/real-servers/192.0.2.${s#*:}-linux.sh"
  storescp_start "i12-${s%:*}"
done
for s in HL1:41 HL2:42; do
  dr_server "i12-${s%:*}" "192.0.2.${s#*:}" "$FILES/real-servers/192.0.2.${s#*:}-linux.sh"
  mllp_start "i12-${s%:*}" "${s%:*}"
done
for s in WEB1:51 WEB2:52; do
  dr_server "i12-${s%:*}" "192.0.2.${s#*:}" "$FILES/real-servers/192.0.2.${s#*:}-linux.sh"
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


# --- HL7 and HTTP through their DR VIPs.
ack=$(hl7_from i12-client 192.0.2.102)
log "ACK: $ack"
result hl7.accepted "$(grep -c 'MSA|AA' <<< "$ack")"
result hl7.acked_by "$(awk -F'|' '/MSH/ { print $3; exit }' <<< "$ack")"
result web.page "$(http_from i12-client 192.0.2.104)"

# --- The checks keepalived runs through the bundled script: a server whose service stops
# (or, for ping, whose link goes down) leaves IPVS; when it returns, it comes back.
service_kill i12-EA2 storescp
result check.dicom.out_ms "$(wait_until 60000 lacks_server i12-lb $EA 192.0.2.22)"
storescp_start i12-EA2
result check.dicom.back_ms "$(wait_until 60000 has_server i12-lb $EA 192.0.2.22)"
service_kill i12-HL2 mllp
result check.hl7.out_ms "$(wait_until 60000 lacks_server i12-lb $HL7 192.0.2.42)"
mllp_start i12-HL2 HL2
result check.hl7.back_ms "$(wait_until 60000 has_server i12-lb $HL7 192.0.2.42)"
ip -n i12-WEB2 link set eth0 down
result check.ping.out_ms "$(wait_until 60000 lacks_server i12-lb $WEB 192.0.2.52)"
ip -n i12-WEB2 link set eth0 up
result check.ping.back_ms "$(wait_until 60000 has_server i12-lb $WEB 192.0.2.52)"

# --- A real server dies under a loop of associations: failures, and the time until IPVS
# stops sending to it. Each association: "start end status" in $RUN/loop.
wait_until 60000 all_ready > /dev/null
( while [ ! -e "$RUN/stop" ]; do
    s=$(now_ms); echo_from i12-client 192.0.2.100 > /dev/null 2>&1; st=$?
    echo "$s $(now_ms) $st" >> "$RUN/loop"
  done ) &
loop=$!
wait_until 60000 sh -c "[ \$(wc -l < $RUN/loop) -ge 2 ]" > /dev/null
killed=$(now_ms)
service_kill i12-EA1 storescp
removal=$(wait_until 60000 lacks_server i12-lb $EA 192.0.2.21)
removed=$(now_ms)
wait_until 60000 sh -c "[ \$(awk -v t=$removed '\$1 >= t' $RUN/loop | wc -l) -ge 4 ]" > /dev/null
touch "$RUN/stop"; wait "$loop"
log "loop (start end status), killed at $killed, removal seen at $removed:"; cat "$RUN/loop"
result kill.removal_ms "$removal"
result kill.associations "$(wc -l < "$RUN/loop")"
result kill.failed "$(awk '$3 != 0' "$RUN/loop" | wc -l)"
result kill.after_removal "$(awk -v t="$removed" '$1 >= t' "$RUN/loop" | wc -l)"
result kill.failed_after_removal "$(awk -v t="$removed" '$1 >= t && $3 != 0' "$RUN/loop" | wc -l)"

# --- Drain: an open association on a server set to drain (weight 0, keepalived reloaded with
# the file synthesized with that server drained) finishes; new ones go to the other server.
for n in EA1 EA2; do service_kill "i12-$n" storescp; storescp_start "i12-$n" --sleep-after 5; done
wait_until 60000 all_ready > /dev/null
before1=$(stored_count i12-EA1); before2=$(stored_count i12-EA2)
( store_from i12-client 192.0.2.100 "$SHARED/dicom/1.dcm" "$SHARED/dicom/2.dcm"; echo $? > "$RUN/drain.status" ) &
open=$!
result drain.open_on_ms "$(wait_until 30000 established_on i12-lb 192.0.2.100:104)"
drained=$(established_server i12-lb 192.0.2.100:104)
other=192.0.2.21; [ "$drained" = 192.0.2.21 ] && other=192.0.2.22
case $drained in 192.0.2.21) name=EA1 ;; *) name=EA2 ;; esac
log "open association on $drained ($name): draining it"
before_drained=$before1; [ "$name" = EA2 ] && before_drained=$before2
cp "$SHARED/files/lb-dr-drain-$name/keepalived.conf" "$CONF"
kill -HUP "$(cat "$RUN/i12-lb.pid")"
result drain.weight_zero_ms "$(wait_until 30000 weight_is i12-lb $EA "$drained" 0)"
kill -0 "$open" 2>/dev/null; result drain.open_when_drained $((1 - $?))
wait "$open"
result drain.open_store "$(cat "$RUN/drain.status")"
result drain.stored_on_drained "$(( $(stored_count "i12-$name") - before_drained ))"
conns() { in_ns i12-lb ipvsadm -L -n -c | awk '$5 == "192.0.2.100:104" { print $4, $6 }' | sort; }
conns > "$RUN/conns.before"
for i in 1 2 3; do echo_from i12-client 192.0.2.100 > /dev/null 2>&1; result "drain.echo$i" $?; done
conns > "$RUN/conns.after"
comm -13 "$RUN/conns.before" "$RUN/conns.after" > "$RUN/conns.new"
result drain.new_to_drained "$(grep -c " $drained:104$" "$RUN/conns.new")"
result drain.new_to_other "$(grep -c " $other:104$" "$RUN/conns.new")"

result done 1
