#!/usr/bin/env python3
"""Keeps a local copy of a unit's subtree in step with the server through the change feed.

    python sync_units.py HOST:PORT API_KEY_FILE STATE_FILE [--follow]

The copy (units and members, keyed by id) and the cursor of the last change applied are saved
in STATE_FILE (JSON). Each run asks for every change after that cursor, applies it, and saves.
With --follow it keeps watching and applies changes as they commit, until Ctrl-C. Run it again
later and it resumes where it stopped: nothing is fetched twice, nothing is missed.
"""
import argparse
import json
import os

import thidua_client
from google.protobuf import json_format
from thidua.core.v1 import changes_pb2, members_pb2, units_pb2

# The entity types this copy keeps, by the message name the feed gives in Change.entity_type.
KEPT = {
    "thidua.core.v1.Unit": ("units", units_pb2.Unit),
    "thidua.core.v1.Member": ("members", members_pb2.Member),
}


def load(path):
    if os.path.exists(path):
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    return {"cursor": 0, "units": {}, "members": {}}


def save(path, state):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as file:
        json.dump(state, file, ensure_ascii=False, indent=1)
    os.replace(temporary, path)  # the copy and its cursor change together


def apply(state, change):
    if change.entity_type in KEPT:
        table, message_type = KEPT[change.entity_type]
        if change.operation == "deleted":
            state[table].pop(change.entity_id, None)
        else:
            entity = message_type.FromString(change.entity)
            state[table][change.entity_id] = json_format.MessageToDict(entity)
    state["cursor"] = change.cursor


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("address")
    parser.add_argument("api_key_file")
    parser.add_argument("state_file")
    parser.add_argument("--follow", action="store_true", help="keep watching after catching up")
    args = parser.parse_args()
    api_key = open(args.api_key_file, encoding="utf-8").read().strip()
    state = load(args.state_file)

    with thidua_client.connect(args.address, client_name="sync-units/1.0", api_key=api_key) as client:
        # Catch up in batches; a batch shorter than asked for means we are current.
        while True:
            batch = client.call("thidua.core.v1.Changes/ListChanges",
                                changes_pb2.ListChangesRequest(after_cursor=state["cursor"], limit=1000),
                                changes_pb2.ListChangesResponse)
            for change in batch.changes:
                apply(state, change)
            save(args.state_file, state)
            if len(batch.changes) < 1000:
                break
        print(f"in step at cursor {state['cursor']}: {len(state['units'])} units, {len(state['members'])} members")
        if args.follow:
            watch = changes_pb2.WatchChangesRequest(after_cursor=state["cursor"])
            try:
                for change in client.stream("thidua.core.v1.Changes/Watch", watch, changes_pb2.Change):
                    apply(state, change)
                    save(args.state_file, state)
                    print(f"{change.operation} {change.entity_type} {change.entity_id} (cursor {change.cursor})")
            except KeyboardInterrupt:
                pass


if __name__ == "__main__":
    main()
