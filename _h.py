import json
from service.headline import shorten
d=json.load(open('/tmp/s21/cuts.json'))
REL={'that','which','who','whom','whose'}
for old,s in d:
    h=shorten(s)
    w=h.split()
    full=s.split()
    if len(w)>=len(full)-1: continue
    tail=[x.lower().strip(',"“') for x in w[-6:]]
    for k,x in enumerate(tail):
        if x in REL:
            print(' '.join(w[:len(w)-6+k]),'[[',' '.join(w[len(w)-6+k:]),']]'); break
