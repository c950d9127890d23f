#!/bin/bash
# Lets the replica service stream from the primary (run once, when the primary's data directory is created).
set -euo pipefail
echo "host replication parallax all scram-sha-256" >> "$PGDATA/pg_hba.conf"
