"""How fast `manage.py import_articles` stores articles, with and without finding statements.

    python benchmarks/import_speed.py [-n 1000] [--seed 7]

Generates N synthetic articles of about 600 words (a small built-in vocabulary, invented people
and organisations, direct quotes and reported speech) from a fixed seed, writes them as JSON Lines
to a temporary file, and imports them through the command into a fresh database: SQLite in a
temporary file, or, when DATABASE_URL names a PostgreSQL server, a throwaway database created
beside the one it names and dropped afterwards. Runs with DEBUG off, as production does.
Prints articles/s and statements/s for each run.

Figures on the 2-core machine, 1000 articles, 9456 statements, load average about 1:
  SQLite: 323, 370 and 333 articles/s with extraction (about 3,000 statements/s), 1,100-1,250
  without; PostgreSQL 15: 128-141 with extraction, 500-556 without. History rows included.
  Before batching: SQLite 70-79 with extraction; with batches but Django's bulk_create and
  simple-history's bulk helper: 200-290.
The command parses the next batch of 200 and runs the finder on it (~2.2 ms an article) in a
second process while it stores the last batch. Storing writes the records and their history
rows through articles/bulk.py, which hands plain values to the driver as they are. On PostgreSQL
most of the time is the database's own: the search triggers and GIN indexes each statement updates.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]

WORDS = """government plan budget harbour council city bridge road school hospital water energy price market
trade farmers workers union police court election vote party leader policy report year week month people
country region border talks deal agreement security army minister office project money tax rise fall growth
crisis support pressure decision law rule change future report study data risk cost jobs service health
housing transport river port factory company bank debt loan fund rate inflation wages strike protest
meeting summit visit partner neighbour ally relations cooperation peace stability conflict aid""".split()
VERBS = "said would will could might should has had was is were are plans wants expects fears hopes".split()
FIRST = "Ama Bren Carys Dario Elin Fotis Gwen Halvard Ines Jarek Kaito Lumi Marek Nadia Orla Pavel Rhea Soren".split()
LAST = "Okafor Lindqvist Marrow Tessaly Brannock Quillon Vesterby Harrowgate Oduya Castellan Pemberly Ivarsen".split()
ROLES = ["minister", "spokeswoman", "senior fellow", "chairman", "mayor", "director", "economist"]
ORGS = ["Ministry of Harbours", "Northfield Institute", "Union of Millers", "Council of Ports",
        "Eastbank Trust", "Federation of Growers", "Office of Statistics"]


def sentence(rng, n):
    words = [rng.choice(WORDS if i % 4 else VERBS) for i in range(n)]
    return " ".join(words).capitalize()


def paragraph(rng, people):
    name, role, org = rng.choice(people)
    clause = sentence(rng, rng.randint(12, 20)).lower()
    match rng.randrange(6):
        case 0:
            return f"“{sentence(rng, rng.randint(15, 25))},” {name} said."
        case 1:
            return f"“{sentence(rng, rng.randint(15, 25))},” said {name}, the {role} at the {org}."
        case 2:
            return f"{role.capitalize()} {name} of the {org} said that {clause}."
        case 3:
            return f"{sentence(rng, rng.randint(12, 20))}, according to the {org}."
        case _:
            return ". ".join(sentence(rng, rng.randint(10, 16)) for _ in range(4)) + "."


def articles(n, seed):
    rng = random.Random(seed)
    people = [(f"{f} {last}", rng.choice(ROLES), rng.choice(ORGS)) for f in FIRST for last in LAST]
    for i in range(n):
        cast = rng.sample(people, 4)
        paragraphs, words = [], 0
        while words < 600:
            paragraphs.append(paragraph(rng, cast))
            words += len(paragraphs[-1].split())
        yield {"headline": f"{sentence(rng, 8)} ({i})", "body": "\n\n".join(paragraphs), "outlet": "Benchmark Daily",
               "url": f"https://bench.invalid/{seed}/{i}", "published": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
               "authors": [rng.choice(people)[0]], "tags": ["benchmark"]}


def manage(env, *args):
    done = subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


class Database:
    """A fresh database for one run: a temporary SQLite file, or a throwaway PostgreSQL database."""

    def __init__(self, base_url, folder):
        self.base_url, self.name = base_url, f"bench_{uuid.uuid4().hex[:8]}"
        if base_url and base_url.startswith("postgres"):
            parts = urlsplit(base_url)
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
            self.admin(f'CREATE DATABASE "{self.name}"')
        else:
            self.url = f"sqlite:///{folder}/{self.name}.sqlite3"

    def admin(self, sql):
        import psycopg

        with psycopg.connect(self.base_url, autocommit=True) as connection:
            connection.execute(sql)

    def drop(self):
        if self.url.startswith("postgres"):
            self.admin(f'DROP DATABASE IF EXISTS "{self.name}"')


def measure(path, n, extract, folder):
    database = Database(os.environ.get("DATABASE_URL", ""), folder)
    try:
        # As in production: with DEBUG on, Django keeps every query's SQL, which costs ~10 % here.
        env = {**os.environ, "DATABASE_URL": database.url, "LOG_LEVEL": "WARNING", "DEBUG": "0",
               "SECRET_KEY": "benchmark-only", "ALLOWED_HOSTS": "localhost"}
        manage(env, "migrate", "--noinput", "-v", "0")
        summary = manage(env, "import_articles", str(path), *([] if extract else ["--no-extract"]))
    finally:
        database.drop()
    seconds = float(re.search(r"\(([\d.]+)s\)", summary)[1])
    statements = int(re.search(r"statements: (\d+) created", summary)[1])
    label = "with extraction   " if extract else "without extraction"
    print(f"{label}: {n} articles in {seconds:.1f}s = {n / seconds:.0f} articles/s; "
          f"{statements} statements = {statements / seconds:.0f} statements/s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="How many articles (default 1000).")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in articles(options.n, options.seed):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        engine = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
        print(f"{engine}, {options.n} synthetic articles of about 600 words ({path.stat().st_size // 1024} KB)")
        for extract in (True, False):
            measure(path, options.n, extract, folder)


if __name__ == "__main__":
    main()
