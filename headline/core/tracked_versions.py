"""This process's copy of the content versions it read from Redis, kept exact by Redis itself.

Every page cache hit checks the versions of the scopes its page shows (`freshness.fingerprint`).
Reading them from Redis each time is a round trip per hit, most of a hit's cost. Redis's
server-assisted client-side caching (`CLIENT TRACKING`, Redis 6 and later, RESP3) removes it:
Redis remembers which keys this connection read and pushes an `invalidate` notice on the same
connection whenever one of them changes (written, deleted, expired or evicted; `FLUSHDB` sends
a notice for everything). Each read first takes in every notice already received, then answers
from the copy, asking Redis only for keys it does not hold.

A change made by another process reaches this one as its notice, which Redis writes in the same
pass of its event loop as its answer to the writer (to another socket, so microseconds apart):
long before a reader's next request, sent after the writer's, arrives here. A change made by
this process forgets its keys at once (`forget`). When the connection is lost, notices may be lost with it, so the copy
is emptied and tracking turned on again on reconnection. After a fork (gunicorn's workers) a
process opens its own connection.

redis-py has client-side caching built in, but only for Redis 7.4 and later (Debian 12 ships
7.0), so the few lines it takes are here, on redis-py's RESP3 push handling.
"""

import os
import threading

import redis

# Versions kept at most; one per scope read (a scope per article shown), so this is ample.
MAX_KEPT = 20_000


class TrackedVersions:
    """Raw stored bytes of Redis keys, read through one tracked connection per process.

    `url` is the Redis URL of the shared cache; keys are full Redis keys (bytes).
    """

    def __init__(self, url):
        self.url = url
        self.lock = threading.Lock()
        self.values = {}
        self.client = None
        self.pid = None

    def read(self, keys):
        """The stored bytes of each of `keys` (None for a missing key), as a tuple.

        A lost connection is opened again once, with an empty copy (notices may have been lost
        with it); redis.ConnectionError when Redis cannot be reached."""
        with self.lock:
            try:
                return self._read(keys)
            except redis.ConnectionError:
                if self.client is not None:
                    self.client.close()  # redis-py shuts a socket down only in its own process
                self.pid = None  # a new connection and an empty copy
                return self._read(keys)

    def _read(self, keys):
        client = self._client()
        self._take_notices(client.connection)
        missing = [key for key in keys if key not in self.values]
        if missing:
            if len(self.values) > MAX_KEPT:
                self.values.clear()
            found = client.mget(missing)
            self.values.update(
                (key, value) for key, value in zip(missing, found, strict=True) if value is not None
            )
        return tuple(self.values.get(key) for key in keys)

    def forget(self, keys):
        """Drop `keys` from the copy: this process changed them."""
        with self.lock:
            for key in keys:
                self.values.pop(key, None)

    def _client(self):
        if self.pid != os.getpid():
            self.values = {}
            self.client = redis.Redis.from_url(self.url, protocol=3, single_connection_client=True)
            self.client.connection.register_connect_callback(self._on_connect)
            # Connected already by redis-py: reconnect so that tracking is turned on.
            self.client.connection.disconnect()
            self.pid = os.getpid()
        return self.client

    def _on_connect(self, connection):
        self.values.clear()
        connection.send_command("CLIENT", "TRACKING", "ON")
        connection.read_response()
        connection._parser.set_invalidation_push_handler(self._invalidated)

    def _invalidated(self, message):
        # [b"invalidate", [keys]], or [b"invalidate", None] when the whole database was flushed.
        keys = message[1]
        if keys is None:
            self.values.clear()
            return
        for key in keys:
            self.values.pop(key, None)

    def _take_notices(self, connection):
        while connection.can_read():
            connection.read_response(push_request=True, timeout=0, disconnect_on_error=False)
