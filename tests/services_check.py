"""Fail loudly when the PostgreSQL + Redis lane is asked for but a service is not reachable."""

import os
import sys

import dj_database_url
import psycopg
import redis


def main():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"DATABASE_URL must point at PostgreSQL for this lane, got {url!r}.")
    config = dj_database_url.parse(url)
    try:
        psycopg.connect(
            host=config["HOST"],
            port=config["PORT"] or 5432,
            user=config["USER"],
            password=config["PASSWORD"],
            dbname="postgres",
            connect_timeout=5,
        ).close()
    except psycopg.Error as error:
        sys.exit(f"PostgreSQL is not reachable at {config['HOST']}:{config['PORT']}: {error}")
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url:
        sys.exit("REDIS_URL must be set for this lane.")
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=5).ping()
    except redis.RedisError as error:
        sys.exit(f"Redis is not reachable at {redis_url}: {error}")
    print("PostgreSQL and Redis are reachable.")


if __name__ == "__main__":
    main()
