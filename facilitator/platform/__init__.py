"""Platform edges: small interfaces over the machine (audio), each with a real and a fake part.

The app wires the real parts in one place (app.py); tests use the fakes.
"""
