import { createRequire as __ballastRequire } from 'node:module';
const require = __ballastRequire(import.meta.url);
import{claimFiles,readAndParse}from"./chunk-NICZWBPJ.js";import"./chunk-TWYP2XZ7.js";import"./chunk-Y6LBM2XF.js";export{claimFiles,readAndParse};
