#!/usr/bin/env python3
"""Kills thidua-server with SIGKILL at random moments during a burst of concurrent writes,
restarts it, and reads back every write it had acknowledged.

A write counts as acknowledged once its CreateUnit call returned OK. After each kill the
server restarts on the same data directory; every acknowledged unit must be there. At the end
SQLite's own `PRAGMA integrity_check` must answer ok. Prints one line of figures and exits
non-zero if anything acknowledged was lost.

Usage: Scripts/crash_test.py SERVER_BINARY [--rounds N] [--writers N] [--durability full|normal]
"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

import thidua_client
from thidua.core.v1 import keys_pb2, units_pb2


def start_server(binary, data_dir, durability):
    process = subprocess.Popen(
        [binary, "--host", "127.0.0.1", "--port", "0", "--data-dir", data_dir, "--durability", durability,
         "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    line = process.stdout.readline().strip()
    if not line.startswith("listening on "):
        process.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    return process, line[len("listening on "):]


def writer(address, api_key, root_id, name, acknowledged, lock, stop):
    try:
        client = thidua_client.connect(address, client_name=f"crash-test/{name}", api_key=api_key)
    except Exception:
        return
    with client:
        index = 0
        while not stop.is_set():
            index += 1
            request = units_pb2.CreateUnitRequest(parent_id=root_id, name=f"{name}-{index}",
                                                  kind=units_pb2.GRASSROOTS_UNION)
            try:
                unit = client.call("thidua.core.v1.Units/CreateUnit", request, units_pb2.Unit, timeout=10)
            except Exception:
                return  # the server died under us: this write was not acknowledged
            with lock:
                acknowledged.append(unit.id)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--durability", default="full")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)

    data_dir = tempfile.mkdtemp(prefix="thidua-crash-")
    acknowledged = []
    lock = threading.Lock()
    lost_total = 0
    for round_number in range(1, args.rounds + 1):
        process, address = start_server(args.binary, data_dir, args.durability)
        api_key = open(os.path.join(data_dir, "admin.key")).read().strip()
        with thidua_client.connect(address, api_key=api_key) as admin:
            root_id = admin.call("thidua.core.v1.Keys/WhoAmI", keys_pb2.WhoAmIRequest(), keys_pb2.ApiKeyInfo).unit_id
            # Everything acknowledged before the previous kill must have survived it.
            missing = []
            for unit_id in list(acknowledged):
                try:
                    admin.call("thidua.core.v1.Units/GetUnit", units_pb2.GetUnitRequest(id=unit_id), units_pb2.Unit)
                except thidua_client.RpcError as error:
                    if error.name != "NOT_FOUND":
                        raise
                    missing.append(unit_id)
            lost_total += len(missing)
            if missing:
                print(f"round {round_number}: lost {len(missing)} acknowledged writes: {missing[:5]}", file=sys.stderr)

        stop = threading.Event()
        threads = [threading.Thread(target=writer, args=(address, api_key, root_id, f"r{round_number}w{n}",
                                                         acknowledged, lock, stop), daemon=True)
                   for n in range(args.writers)]
        for thread in threads:
            thread.start()
        time.sleep(rng.uniform(0.2, 1.5))  # a random moment in the burst: the kill is the point
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        stop.set()
        for thread in threads:
            thread.join(timeout=15)

    # A last restart to check the final round, then SQLite's own verdict on the file.
    process, address = start_server(args.binary, data_dir, args.durability)
    api_key = open(os.path.join(data_dir, "admin.key")).read().strip()
    with thidua_client.connect(address, api_key=api_key) as admin:
        for unit_id in acknowledged:
            try:
                admin.call("thidua.core.v1.Units/GetUnit", units_pb2.GetUnitRequest(id=unit_id), units_pb2.Unit)
            except thidua_client.RpcError as error:
                if error.name != "NOT_FOUND":
                    raise
                lost_total += 1
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    integrity = sqlite3.connect(os.path.join(data_dir, "thidua.sqlite")).execute("PRAGMA integrity_check").fetchone()[0]
    print(f"crash test: rounds={args.rounds} writers={args.writers} durability={args.durability} "
          f"seed={args.seed} acknowledged={len(acknowledged)} lost={lost_total} integrity={integrity}")
    return 0 if lost_total == 0 and integrity == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
