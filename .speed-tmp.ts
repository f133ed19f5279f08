import fs from 'fs';
import { loadDetectorFromDisk } from './lib/nlp/load-node';
const d = await loadDetectorFromDisk('public/model');
const texts = fs.readFileSync('/work/shared/corpora/conll2003-dev.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l).text);
const words = texts.reduce((n,t)=>n+t.split(/\s+/).filter(Boolean).length,0);
const xs=[]; for (let r=0;r<15;r++){ const t=performance.now(); for (const x of texts) d.spot([x]); xs.push(performance.now()-t); }
xs.sort((a,b)=>a-b); console.log('min', xs[0].toFixed(1), 'med', xs[7].toFixed(1), 'w/s', Math.round(words/xs[7]*1000));
