"""`runserver` with the task worker beside it, so `make run` works as production does.

When tasks are queued in the database (`make run` sets TASKS_BACKEND to django_tasks_db's backend),
the development server runs django_tasks_db's worker — the loop `manage.py db_worker` runs in
production — in a thread of its own process: scheduled articles go live and expire on time, and
mail and related-article updates happen in the background, with one command and one terminal.
The thread lives in the process the autoreloader restarts, so it picks up code changes and stops
with the server (Ctrl-C); a second process would need its own reloading and shutting down.
"""

import threading

from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker


class Command(RunserverCommand):
    help = "Starts the development server, and the task worker when tasks wait in the database."

    def inner_run(self, *args, **options):
        if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
            self.worker = Worker(
                queue_names=[DEFAULT_TASK_QUEUE_NAME],
                interval=1,
                batch=False,
                backend_name=DEFAULT_TASK_BACKEND_ALIAS,
                startup_delay=False,
                max_tasks=None,
                worker_id="runserver",
                excluded_queue_names=[],
            )
            self.worker_thread = threading.Thread(
                target=self.worker.run, name="task-worker", daemon=True
            )
            self.worker_thread.start()
            self.stdout.write("Task worker running beside the server (scheduled publication).")
        super().inner_run(*args, **options)
