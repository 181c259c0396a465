import { createRequire as __ballastRequire } from 'node:module';
const require = __ballastRequire(import.meta.url);
import{claimFiles,readAndParse}from"./chunk-X6E2QMMH.js";import"./chunk-LKQTQK4P.js";import"./chunk-Y6LBM2XF.js";export{claimFiles,readAndParse};
