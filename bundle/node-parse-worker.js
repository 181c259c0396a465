import { createRequire as __ballastRequire } from 'node:module';
const require = __ballastRequire(import.meta.url);
import{claimFiles,readAndParse}from"./chunk-O2PL3CSE.js";import"./chunk-DFOER6JC.js";import"./chunk-Y6LBM2XF.js";export{claimFiles,readAndParse};
