import { createRequire as __ballastRequire } from 'node:module';
const require = __ballastRequire(import.meta.url);
import{claimFiles,readAndParse}from"./chunk-46MHUMI4.js";import"./chunk-UGNPSAN2.js";import"./chunk-Y6LBM2XF.js";export{claimFiles,readAndParse};
