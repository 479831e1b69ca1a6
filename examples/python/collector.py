"""A Python collector (the logging cookbook's receiver) for records sent by
examples/send-to-python.mjs. It rebuilds each record with pickle.loads + makeLogRecord.

    python3 examples/python/collector.py
"""
import logging
import pickle
import socketserver
import struct

logging.basicConfig(format="%(asctime)s - %(levelname)-8s - %(name)s - %(message)s", level=logging.DEBUG)


class LogRecordStreamHandler(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            head = self.connection.recv(4)
            if len(head) < 4:
                return
            size = struct.unpack(">L", head)[0]
            body = self.connection.recv(size)
            while len(body) < size:
                body += self.connection.recv(size - len(body))
            record = logging.makeLogRecord(pickle.loads(body))
            logging.getLogger(record.name).handle(record)


with socketserver.ThreadingTCPServer(("127.0.0.1", 9020), LogRecordStreamHandler) as server:
    print("collecting on 127.0.0.1:9020; Ctrl-C to stop")
    server.serve_forever()
