#!/bin/bash
# MLLP peer of the live Layer 4 tests (run by socat per connection): reads one framed HL7
# message and answers an ACK with MSA|AA whose sending application is $1 (the server's name).
IFS= read -r -d $'\x1c' frame || exit 0
msh=${frame#$'\x0b'}
msh=${msh%%$'\r'*}
IFS='|' read -r -a field <<< "$msh"
control=${field[9]:-0}
printf '\x0bMSH|^~\\&|%s|PACS|%s|%s|%s||ACK|%s|P|2.5\rMSA|AA|%s\r\x1c\r' "$1" "${field[2]:-}" "${field[3]:-}" "$(date +%Y%m%d%H%M%S)" "$control" "$control"
