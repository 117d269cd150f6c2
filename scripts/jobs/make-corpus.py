#!/usr/bin/env python3
"""Writes the batch-job benchmark corpus (docs/benchmarks.md, "Batch jobs") as
JSON Lines on standard output: the PolNeAR texts (train and dev, with publisher,
date and title from metadata.tsv) and the CoNLL++ Reuters documents (train and
dev; tokens joined, one sentence a line, the first sentence as the title).

    scripts/jobs/make-corpus.py ../shared/eval > corpus.jsonl
"""
import csv, json, os, sys

eval_dir = sys.argv[1] if len(sys.argv) > 1 else '../shared/eval'
out = sys.stdout
meta = {}
with open(os.path.join(eval_dir, 'polnear/metadata.tsv'), encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t'):
        meta[row['filename']] = row
for part in ['train', 'dev']:
    folder = os.path.join(eval_dir, 'polnear', part, 'text')
    for name in sorted(os.listdir(folder)):
        text = open(os.path.join(folder, name), encoding='utf-8').read()
        row = meta.get(name[:-4], {})
        out.write(json.dumps({'title': row.get('title') or text.split('\n')[0], 'body': text,
                              'outlet': row.get('publisher'), 'published': row.get('publication_date')}) + '\n')
for part in ['train', 'dev']:
    docs, sentence, document = [], [], []
    for line in open(os.path.join(eval_dir, 'conll2003pp', part + '.txt'), encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('-DOCSTART-') or not line.strip():
            if sentence:
                document.append(' '.join(sentence))
                sentence = []
            if line.startswith('-DOCSTART-') and document:
                docs.append(document)
                document = []
            continue
        sentence.append(line.split(' ')[0])
    if sentence:
        document.append(' '.join(sentence))
    if document:
        docs.append(document)
    for document in docs:
        if len(document) < 3:
            continue
        out.write(json.dumps({'title': document[0].title(), 'body': '\n'.join(document[1:]), 'outlet': 'Reuters'}) + '\n')
