#!/usr/bin/env python3
"""Lines of a prediction whose words are mostly absent from the gold text (where precision
goes), and gold lines missing from the prediction (recall). Usage:
  tools/extra_lines.py PRED.json scrapinghub PAGE_ID_PREFIX..."""
import json, re, sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
pred = json.load(open(sys.argv[1]))
corpus = sys.argv[2]
if corpus == "scrapinghub":
    gold = {k: v["articleBody"] for k, v in json.load(open(CORPUS / "scrapinghub" / "ground-truth.json")).items()}
else:
    sys.path.insert(0, str(CORPUS.parent / "tools"))
    import score
    gold = {k: v["text"] for k, v in score.load_gold("readability", CORPUS / "readability-test-pages").items()}
tok = lambda s: re.findall(r"\w+", s)
for prefix in sys.argv[3:]:
    pid = next(k for k in gold if k.startswith(prefix))
    g = tok(gold[pid]); gs = {tuple(g[i:i+4]) for i in range(max(1, len(g)-3))}
    p = pred.get(pid, {}).get("articleBody", "")
    ps = {tuple(tok(p)[i:i+4]) for i in range(max(1, len(tok(p))-3))}
    print(f"=== {pid[:12]} extra:")
    for line in p.split("\n"):
        t = tok(line)
        if not t: continue
        sh = [tuple(t[i:i+4]) for i in range(max(1, len(t)-3))]
        miss = sum(s not in gs for s in sh)
        if miss / len(sh) > 0.5:
            print("  +", line[:160])
    print("  missing:")
    for line in gold[pid].split("\n"):
        t = tok(line)
        if not t: continue
        sh = [tuple(t[i:i+4]) for i in range(max(1, len(t)-3))]
        if sum(s not in ps for s in sh) / len(sh) > 0.5:
            print("  -", line[:160])
