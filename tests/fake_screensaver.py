"""A stand-in for the desktop's idle-inhibition service, on a private D-Bus session bus.

    python -m tests.fake_screensaver ADDRESS LOG [--refuse]

It owns `org.freedesktop.ScreenSaver`, answers Inhibit with a cookie and UnInhibit with
nothing (`--refuse`: Inhibit is answered with AccessDenied), introspects like the real
services (the app's UnInhibit reads the argument type from it), and, as GNOME and KDE do,
drops the holds of a client that leaves the bus. Every call is one JSON line in LOG:
{"call": "Inhibit", "sender": ..., "arguments": [...], "signature": ..., "cookie": N}, and
every departure of a client that called Inhibit: {"event": "vanished", "dropped": [...]}.
It prints "ready" once it owns the name.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import MatchRule, message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
INTROSPECTION = """<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
  <interface name="org.freedesktop.ScreenSaver">
    <method name="Inhibit">
      <arg name="application_name" type="s" direction="in"/>
      <arg name="reason_for_inhibit" type="s" direction="in"/>
      <arg name="cookie" type="u" direction="out"/>
    </method>
    <method name="UnInhibit">
      <arg name="cookie" type="u" direction="in"/>
    </method>
  </interface>
</node>
"""
FIRST_COOKIE = 3_000_000_000
"""Above 2**31, as real cookies can be: an int32 could not carry it."""


def _write(log: IO[str], record: dict[str, Any]) -> None:
    log.write(json.dumps(record) + "\n")
    log.flush()


def serve(address: str, log_path: str, *, refuse: bool) -> None:
    """Answer calls until killed."""
    connection = open_dbus_connection(bus=address)
    connection.send_and_get_reply(message_bus.RequestName(NAME))
    changes = MatchRule(
        type="signal",
        sender="org.freedesktop.DBus",
        interface="org.freedesktop.DBus",
        member="NameOwnerChanged",
    )
    connection.send_and_get_reply(message_bus.AddMatch(changes))
    holds: dict[int, str] = {}
    clients: set[str] = set()
    next_cookie = FIRST_COOKIE
    print("ready", flush=True)
    with Path(log_path).open("a", encoding="utf-8") as log:
        while True:
            message = connection.receive()
            fields = message.header.fields
            member = fields.get(HeaderFields.member)
            if message.header.message_type is MessageType.signal:
                if member == "NameOwnerChanged":
                    name, _old, new = message.body
                    if not new and name in clients:
                        clients.discard(name)
                        gone = [cookie for cookie, sender in holds.items() if sender == name]
                        for cookie in gone:
                            del holds[cookie]
                        _write(log, {"event": "vanished", "sender": name, "dropped": gone})
                continue
            if message.header.message_type is not MessageType.method_call:
                continue
            sender = fields.get(HeaderFields.sender)
            record = {
                "call": member,
                "sender": sender,
                "path": fields.get(HeaderFields.path),
                "arguments": list(message.body),
                "signature": fields.get(HeaderFields.signature, ""),
            }
            if member == "Introspect":
                connection.send(new_method_return(message, "s", (INTROSPECTION,)))
                continue
            if fields.get(HeaderFields.path) not in PATHS:
                connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownObject"))
            elif member == "Inhibit" and refuse:
                connection.send(
                    new_error(message, "org.freedesktop.DBus.Error.AccessDenied", "s", ("no",))
                )
                record["refused"] = True
            elif member == "Inhibit":
                clients.add(sender)
                record["cookie"] = next_cookie
                holds[next_cookie] = sender
                connection.send(new_method_return(message, "u", (next_cookie,)))
                next_cookie += 1
            elif member == "UnInhibit":
                holds.pop(message.body[0], None)
                connection.send(new_method_return(message))
            else:
                connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))
            _write(log, record)


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("log")
    parser.add_argument("--refuse", action="store_true")
    options = parser.parse_args(argv)
    serve(options.address, options.log, refuse=options.refuse)
    return 0


if __name__ == "__main__":
    sys.exit(main())
