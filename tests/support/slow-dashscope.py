#!/usr/bin/env python3
"""A DashScope-native SSE server on 127.0.0.1 for black-box tests of the built app: every POST
is answered with DELTAS events of one word each, DELAY seconds apart. It writes its port to
PORT_FILE once listening, and after each event the number of events sent so far to
PROGRESS_FILE (so a test can act at a chosen point of the stream).

  slow-dashscope.py PORT_FILE PROGRESS_FILE [DELTAS] [DELAY]
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, progress_file = sys.argv[1], sys.argv[2]
deltas = int(sys.argv[3]) if len(sys.argv) > 3 else 100
delay = float(sys.argv[4]) if len(sys.argv) > 4 else 0.1


def word(i):
    return f"w{i:03d} "


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for i in range(deltas):
            data = {"output": {"choices": [{"message": {"role": "assistant",
                                                        "content": [{"text": word(i)}]},
                                            "finish_reason": "null"}]},
                    "request_id": "req-slow"}
            try:
                self.wfile.write(f"id:{i + 1}\nevent:result\n:HTTP_STATUS/200\n"
                                 f"data:{json.dumps(data)}\n\n".encode())
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return
            with open(progress_file, "w") as progress:
                progress.write(str(i + 1))
            time.sleep(delay)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
