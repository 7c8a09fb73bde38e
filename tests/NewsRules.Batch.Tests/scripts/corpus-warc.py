#!/usr/bin/env python3
"""Writes a corpus's pages as a CC-NEWS-style WARC.gz (one gzip member per record).

usage: corpus-warc.py <corpus folder holding cases.jsonl> <out.warc.gz> [--charset-header]

Each page named by cases.jsonl (once, at its first case's URL) becomes a response record whose
body is the page's bytes as saved. Without --charset-header the Content-Type is plain
"text/html", so batch decodes the bytes itself (BOM, meta, UTF-8); with it, the header names
UTF-8 as a crawler that re-encoded the page would.
"""
import gzip
import json
import os
import sys
import uuid

corpus, out = sys.argv[1], sys.argv[2]
charset = '; charset=utf-8' if '--charset-header' in sys.argv[3:] else ''
seen = set()
with open(out, 'wb') as warc:
    for line in open(os.path.join(corpus, 'cases.jsonl'), encoding='utf-8'):
        if not line.strip():
            continue
        case = json.loads(line)
        if case['page'] in seen:
            continue
        seen.add(case['page'])
        body = open(os.path.join(corpus, case['page']), 'rb').read()
        http = (f'HTTP/1.1 200 OK\r\nContent-Type: text/html{charset}\r\nContent-Length: {len(body)}\r\n\r\n').encode('ascii') + body
        head = (f'WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=len(seen))}>\r\n'
                f'WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: {case["url"]}\r\n'
                f'Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n').encode('utf-8')
        warc.write(gzip.compress(head + http + b'\r\n\r\n', compresslevel=1))
print(f'{out}: {len(seen)} response records')
