# Shared by the guest scenario scripts of the live Layer 4 tests (sourced; bash, run as root
# inside the guest kernel). $1 of the scenario is the shared folder; findings go to
# results.tsv (KEY<TAB>VALUE), everything else to guest.log.
set -uo pipefail
SHARED=$1
GUEST=$SHARED/guest
RUN=/run/pacs-lb-l4
mkdir -p "$RUN"
: > "$SHARED/results.tsv"
exec >"$SHARED/guest.log" 2>&1

log() { echo "[$(date +%T.%3N)] $*"; }
result() { printf '%s\t%s\n' "$1" "${*:2}" >> "$SHARED/results.tsv"; log "RESULT $1 = ${*:2}"; }
now_ms() { date +%s%3N; }
fail() { log "FATAL: $*"; result fatal "$*"; exit 1; }

# Modules of Debian's kernel the scenarios use; nftables expressions load on demand.
modprobe -a ip_vs ip_vs_wlc ip_vs_wrr ip_vs_rr veth bridge nf_conntrack || fail "modprobe"
result kernel "$(uname -r)"

# A namespace with lo up.
ns() { ip netns add "$1" && ip -n "$1" link set lo up; }
in_ns() { local n=$1; shift; ip netns exec "$n" "$@"; }

# The switch: namespace i12-sw with one bridge per subnet.
ns i12-sw
switch_add() { ip -n i12-sw link add "$1" type bridge && ip -n i12-sw link set "$1" up; }
port=0
declare -A PORTS
# plug NS IFNAME BRIDGE ADDRESS/PREFIX: a veth from the namespace to a port of the bridge.
plug() {
  port=$((port + 1))
  ip link add name "$2" netns "$1" type veth peer name "p$port" netns i12-sw || fail "veth $1 $2"
  ip -n i12-sw link set "p$port" master "$3" up
  PORTS[$1-$2]=p$port
  ip -n "$1" addr add "$4" dev "$2"
  ip -n "$1" link set "$2" up
}

# A load balancer namespace ready for the rendered files of appliance folder $2:
# sysctls of the file header, the check script installed, nftables.nft loaded.
lb_prepare() {
  local n=$1 files=$2
  in_ns "$n" sysctl -q -w net.ipv4.ip_forward=1 net.ipv4.vs.conntrack=1 net.ipv4.vs.expire_nodest_conn=1 || fail "sysctl in $n"
  install -D -o root -g root -m 0755 "$files/checks/pacs-lb-check" /usr/local/lib/pacs-lb/pacs-lb-check || fail "install check script"
  if grep -Eq 'mark set|masquerade' "$files/nftables.nft"; then
    in_ns "$n" nft -f "$files/nftables.nft" || fail "nft -f nftables.nft in $n"
  else
    log "nftables.nft of $files has no rules: not loaded"
  fi
}

# keepalived NS CONF [CONFIG_ID]: keepalived in the foreground of a background job, logging to $RUN/NS-keepalived.log.
keepalived_start() {
  local n=$1 conf=$2 id=${3:-}
  in_ns "$n" keepalived -n -l -D -f "$conf" ${id:+-i "$id"} -p "$RUN/$n.pid" -r "$RUN/$n-vrrp.pid" -c "$RUN/$n-checkers.pid" \
    >> "$RUN/$n-keepalived.log" 2>&1 &
  echo $! > "$RUN/$n-keepalived.job"
}
keepalived_log() { cat "$RUN/$1-keepalived.log"; }

# The real servers IPVS lists for a virtual service ("192.0.2.100:104" or "FWM 1002"), one address per line.
ipvs_servers() {
  in_ns "$1" ipvsadm -L -n | awk -v svc="$2" '
    /^(TCP|UDP|FWM) / { inside = ($1 " " $2 == "TCP " svc || $1 " " $2 == "FWM " svc) ; next }
    inside && /->/ && $2 != "RemoteAddress:Port" { split($2, a, ":"); print a[1] }'
}
# wait_until MS COMMAND...: polls every 200 ms; prints the milliseconds until the end of the
# first check that held (an upper bound of the moment it became true), or "timeout" (status 1).
wait_until() {
  local limit=$1 start; shift
  start=$(now_ms)
  until "$@" >/dev/null 2>&1; do
    if [ $(( $(now_ms) - start )) -gt "$limit" ]; then echo timeout; return 1; fi
    sleep 0.2
  done
  echo "$(( $(now_ms) - start ))"
}
# weight_of NS SERVICE ADDRESS: the IPVS weight of a real server.
weight_of() {
  in_ns "$1" ipvsadm -L -n | awk -v svc="$2" -v rs="$3" '
    /^(TCP|UDP|FWM) / { inside = ($1 " " $2 == "TCP " svc || $1 " " $2 == "FWM " svc) ; next }
    inside && /->/ { split($2, a, ":"); if (a[1] == rs) print $4 }'
}
weight_is() { [ "$(weight_of "$1" "$2" "$3")" = "$4" ]; }
established_on() { [ -n "$(established_server "$1" "$2")" ]; }
# established_server NS VIP:PORT: the real server of an established IPVS connection to the VIP.
established_server() { in_ns "$1" ipvsadm -L -n -c | awk -v vip="$2" '$3 == "ESTABLISHED" && $5 == vip { split($6, a, ":"); print a[1]; exit }'; }
has_server() { ipvs_servers "$1" "$2" | grep -qx "$3"; }
lacks_server() { ! has_server "$@"; }

# service NS NAME COMMAND...: a service in its own process group, logging to $RUN/NS-NAME.log.
service() {
  local n=$1 name=$2; shift 2
  setsid ip netns exec "$n" "$@" >> "$RUN/$n-$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$n-$name.pgid"
}
# service_kill NS NAME [SIGNAL]: the whole group at once (SIGKILL by default: a crashed server).
service_kill() { kill "-${3:-KILL}" -- "-$(cat "$RUN/$1-$2.pgid")" 2>/dev/null; wait "$(cat "$RUN/$1-$2.pgid")" 2>/dev/null; true; }

# An archive on port 104 storing into $RUN/NS-store; extra storescp options after NS.
storescp_start() {
  local n=$1; shift
  mkdir -p "$RUN/$n-store"
  # +uf: every object received is a file of its own, so a count of files is a count of stores
  # (by default a second store of the same instance overwrites the first file).
  service "$n" storescp storescp --fork +uf -aet ARCHIVE -od "$RUN/$n-store" "$@" 104
}
stored_count() { find "$RUN/$1-store" -type f | wc -l; }
echo_from() { in_ns "$1" echoscu -aet MODALITY -aec ARCHIVE -to 5 -ta 5 -td 5 "$2" "${3:-104}"; }
store_from() { local n=$1 host=$2; shift 2; in_ns "$n" storescu -aet MODALITY -aec ARCHIVE -to 10 -ta 10 -td 30 "$host" 104 "$@"; }

# An MLLP peer on port 2575 answering every message with an ACK (MSA|AA) that names it.
# (-t 30: a client that half-closes after sending still gets the answer of a slow guest.)
mllp_start() { service "$1" mllp socat -t 30 TCP-LISTEN:2575,fork,reuseaddr EXEC:"bash $GUEST/mllp-ack.sh $2"; }
# hl7_from NS HOST: sends one ORM message; prints the ACK.
hl7_from() {
  printf '\x0bMSH|^~\\&|RIS|HOSP|PACS|HOSP|20260101000000||ORM^O01|MSG%s|P|2.5\rPID|1||12345\r\x1c\r' "$RANDOM" |
    in_ns "$1" socat -t 20 -T 30 - "TCP:$2:2575" | tr '\r\013\034' '\n  '
}
# An HTTP server on port 8080 whose page names it.
http_start() {
  mkdir -p "$RUN/$1-www" && echo "$2" > "$RUN/$1-www/index.html"
  service "$1" httpd busybox httpd -f -p 8080 -h "$RUN/$1-www"
}
http_from() { in_ns "$1" curl -s -m 10 "http://$2:8080/"; }

# A DR real server: plugged into the LAN, prepared by its generated script.
dr_server() {
  local n=$1 address=$2 script=$3
  ns "$n"
  plug "$n" eth0 br0 "$address/24"
  in_ns "$n" sh "$script" || fail "DR script $script in $n"
}
# servers_of NS SERVICE: the real servers of a virtual service, sorted, on one line.
servers_of() { ipvs_servers "$1" "$2" | sort | paste -sd ' ' -; }
servers_are() { [ "$(servers_of "$1" "$2")" = "$3" ]; }

# probe MATCH...: counts frames the switch forwards that match each nftables MATCH (bridge
# family, which both kernels have); counters c1, c2... Port names: port_of NS IFNAME.
probe() {
  local i=0 counters="" rules=""
  for match in "$@"; do i=$((i + 1)); counters+="counter c$i {}"$'\n'; rules+="$match counter name c$i"$'\n'; done
  in_ns i12-sw nft -f - <<NFT || fail "probe $*"
table bridge i12_probe
delete table bridge i12_probe
table bridge i12_probe {
$counters
  chain forward {
    type filter hook forward priority 0; policy accept;
$rules
  }
}
NFT
}
probe_count() { in_ns i12-sw nft list counter bridge i12_probe "c$1" | grep -o 'packets [0-9]*' | cut -d' ' -f2; }
port_of() { echo "${PORTS[$1-$2]}"; }

# Everything the guest logged, kept in the shared folder whatever happens.
trap 'mkdir -p "$SHARED/logs"; cp "$RUN"/*.log "$SHARED/logs/" 2>/dev/null; true' EXIT
all_ready() {
  servers_are i12-lb 192.0.2.100:104 "192.0.2.21 192.0.2.22" &&
    servers_are i12-lb 192.0.2.102:2575 "192.0.2.41 192.0.2.42" &&
    servers_are i12-lb 192.0.2.104:8080 "192.0.2.51 192.0.2.52"
}
