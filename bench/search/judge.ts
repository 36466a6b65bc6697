/**
 * Judging help for the indication and mechanism queries of bench/search/queries.json: lists every
 * page whose Usage text (indication queries) or mechanism text (“How it works”, mechanism queries)
 * names the query's disease or target, in the spellings the corpus uses, with the sentence that
 * names it and a flag when that sentence looks like a mention rather than a use (“not indicated
 * for…”, “excluding patients with…”, “may cause…”, “under investigation”). A person reads the list
 * and decides; no search engine is involved (the judgments must never come from an engine's output).
 *
 *   node --import tsx bench/search/judge.ts [--q QUERY] [--flagged] [--json] [--write]
 *
 * The default prints the lists for reading; --json prints, per query, the pages named and those
 * named only in flagged sentences; --write applies the decisions below (`DECISIONS`) to
 * bench/search/queries.json: each query's `expect` becomes its earlier pages (in their order, the
 * best first, less any `drop`) followed by every other relevant page, and its note says so.
 */
import { createReadStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { CatalogEntry, Section } from '../../src/model/index.js';
import { normalizeName } from '../../src/search/normalize.js';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: { q: { type: 'string' }, flagged: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, write: { type: 'boolean', default: false } },
});

/**
 * What each query names, as patterns over normalized text (`normalizeName`: lowercase, accents
 * removed, every run of other characters one space): the disease or target in the corpus's
 * spellings. `caps` are abbreviations counted only when written in capitals in the source text.
 * `strip` is removed from a sentence before matching (another disease written with the same words).
 */
interface Spec {
  field: 'usage' | 'mechanism';
  any: RegExp;
  caps?: RegExp;
  /** Removed from the normalized sentence before `any` is tried (another disease written with the same words). */
  strip?: RegExp;
}
const LEUK = '(leukemia|leukaemia|leukemias|leukaemias)';
const SPECS: Record<string, Spec> = {
  'multiple sclerosis': { field: 'usage', any: /\bmultiple sclerosis\b/ },
  MS: { field: 'usage', any: /\bmultiple sclerosis\b/ },
  CLL: { field: 'usage', any: new RegExp(`\\bchronic lymphocytic ${LEUK}\\b`), caps: /\bB?-?CLL\b/ },
  'chronic myeloid leukemia': { field: 'usage', any: new RegExp(`\\bchronic (myeloid|myelogenous|myelocytic|granulocytic) ${LEUK}\\b`), caps: /\bCML\b/ },
  CML: { field: 'usage', any: new RegExp(`\\bchronic (myeloid|myelogenous|myelocytic|granulocytic) ${LEUK}\\b`), caps: /\bCML\b/ },
  T2DM: { field: 'usage', any: /\b(type (2|ii|two) diabetes|non insulin dependent diabetes|t2dm)\b/ },
  'type 2 diabetes': { field: 'usage', any: /\b(type (2|ii|two) diabetes|non insulin dependent diabetes|t2dm)\b/ },
  HIV: { field: 'usage', any: /\b(hiv|hiv 1|human immunodeficiency virus)\b/ },
  'hepatitis C': { field: 'usage', any: /\b(hepatitis c|hcv)\b/ },
  HBV: { field: 'usage', any: /\b(hepatitis b|hbv)\b/ },
  tuberculosis: { field: 'usage', any: /\b(tuberculosis|tubercular)\b/, caps: /\b(MDR-)?TB\b/ },
  'multiple myeloma': { field: 'usage', any: /\bmultiple myeloma\b/ },
  NSCLC: { field: 'usage', any: /\b(non small cell lung|nsclc)\b/ },
  PAH: { field: 'usage', any: /\b(pulmonary arterial hypertension|pah)\b/ },
  GERD: { field: 'usage', any: /\b(gastro ?o?esophageal reflux|gerd|gord)\b/ },
  'rheumatoid arthritis': { field: 'usage', any: /\brheumatoid arthritis\b/ },
  PNH: { field: 'usage', any: /\b(paroxysmal nocturnal ha?emoglobinuria|pnh)\b/ },
  aHUS: { field: 'usage', any: /\b(atypical ha?emolytic ur(a)?emic syndrome|ahus)\b/ },
  ITP: { field: 'usage', any: /\b(immune thrombocytopeni(a|c purpura)|idiopathic thrombocytopeni(a|c purpura)|autoimmune thrombocytopeni(a|c purpura)|itp)\b/ },
  ADHD: { field: 'usage', any: /\b(attention deficit|adhd)\b/ },
  BPH: { field: 'usage', any: /\b(benign prostatic (hyperplasia|hypertrophy|enlargement)|bph)\b/ },
  'erectile dysfunction': { field: 'usage', any: /\berectile dysfunction\b/ },
  COPD: { field: 'usage', any: /\b(chronic obstructive pulmonary disease|chronic obstructive airways? disease|copd)\b/ },
  gout: { field: 'usage', any: /\b(gout|gouty)\b/ },
  migraine: { field: 'usage', any: /\bmigraines?\b/ },
  CMV: { field: 'usage', any: /\b(cytomegalovirus|cmv)\b/ },
  RSV: { field: 'usage', any: /\b(respiratory syncytial virus|rsv)\b/ },
  OCD: { field: 'usage', any: /\b(obsessive compulsive|ocd)\b/ },
  hypertension: {
    field: 'usage',
    any: /\b(hypertension|high blood pressure)\b/,
    strip: /\b((pulmonary (arterial )?|ocular |intracranial |portal |intraocular |renovascular )hypertension|high blood pressure (affecting |in )?(the )?(arteries|blood vessels|vessels)( leading to| of| in| that supply)? the lungs?)\b/g,
  },
  CD20: { field: 'mechanism', any: /\bcd20\b/ },
  CD38: { field: 'mechanism', any: /\bcd38\b/ },
  'anti CD52': { field: 'mechanism', any: /\bcd52\b/ },
  'PD-1': { field: 'mechanism', any: /\b(pd 1|programmed (cell )?death 1|programmed death receptor 1)\b/ },
  'PD-L1 inhibitor': { field: 'mechanism', any: /\b(pd l1|programmed (cell )?death ligand 1)\b/ },
  HER2: { field: 'mechanism', any: /\b(her2|her 2|erbb2|human epidermal growth factor receptor 2)\b/ },
  TNF: { field: 'mechanism', any: /\b(tnf|tnf alpha|tnf a|tumou?r necrosis factor)\b/ },
  'proton pump inhibitor': { field: 'mechanism', any: /\b(proton pump|h k atpase|hydrogen potassium atpase)\b/ },
  'BTK inhibitor': { field: 'mechanism', any: /\b(btk|bruton s tyrosine kinase|bruton tyrosine kinase)\b/ },
  'JAK inhibitor': { field: 'mechanism', any: /\b(jak|jak1|jak2|jak3|janus kinase|janus kinases|janus associated kinase)\b/ },
  'SGLT2 inhibitor': { field: 'mechanism', any: /\b(sglt2|sglt 2|sodium glucose co ?transporter 2|sodium glucose cotransporter 2)\b/ },
  'DPP-4 inhibitor': { field: 'mechanism', any: /\b(dpp 4|dpp4|dpp iv|dipeptidyl peptidase 4|dipeptidyl peptidase iv)\b/ },
  'GLP-1 receptor agonist': { field: 'mechanism', any: /\b(glp 1|glp1|glucagon like peptide 1)\b/ },
  EGFR: { field: 'mechanism', any: /\b(egfr|epidermal growth factor receptor|her1|erbb1)\b/ },
  'anti-VEGF': { field: 'mechanism', any: /\b(vegf|vegf a|vascular endothelial growth factor)\b/ },
  PCSK9: { field: 'mechanism', any: /\b(pcsk9|proprotein convertase subtilisin kexin type 9)\b/ },
  CGRP: { field: 'mechanism', any: /\b(cgrp|calcitonin gene related peptide)\b/ },
  'IL-6': { field: 'mechanism', any: /\b(il 6|il6|interleukin 6)\b/ },
  'IL-17': { field: 'mechanism', any: /\b(il 17|il 17a|il17|interleukin 17|interleukin 17a)\b/ },
  'complement C5 inhibitor': { field: 'mechanism', any: /\b(c5|complement component 5|complement protein c5)\b/ },
  'PARP inhibitor': { field: 'mechanism', any: /\b(parp|parp1|poly adp ribose polymerase)\b/ },
  'CDK4/6 inhibitor': { field: 'mechanism', any: /\b(cdk4|cdk 4|cyclin dependent kinases? 4)\b/ },
  'factor Xa inhibitor': { field: 'mechanism', any: /\b(factor xa|factor x a|fxa)\b/ },
  statin: { field: 'mechanism', any: /\b(hmg coa reductase|3 hydroxy 3 methylglutaryl coenzyme a reductase)\b/ },
  'BCR-ABL': { field: 'mechanism', any: /\bbcr abl\d*\b/ },
  'S1P receptor modulator': { field: 'mechanism', any: /\b(s1p|s1p1|sphingosine 1 phosphate)\b/ },
  'proteasome inhibitor': { field: 'mechanism', any: /\bproteasomes?\b/ },
  'ACE inhibitor': { field: 'mechanism', any: /\b(angiotensin converting enzyme|ace inhibitors?|inhibits ace|inhibiting ace|ace inhibition)\b/ },
  SSRI: { field: 'mechanism', any: /\b(ssris?|selective serotonin reuptake inhibitors?)\b/ },
  'integrase inhibitor': { field: 'mechanism', any: /\b(integrase|insti|instis)\b/ },
  'ALK inhibitor': { field: 'mechanism', any: /\b(alk|anaplastic lymphoma kinase)\b/ },
  'xanthine oxidase inhibitor': { field: 'mechanism', any: /\bxanthine oxidase\b/ },
  '5-alpha reductase inhibitor': { field: 'mechanism', any: /\b(5 alpha reductase|5 reductase|5a reductase|5 ar)\b/ },
  'PDE5 inhibitor': { field: 'mechanism', any: /\b(pde5|pde 5|phosphodiesterase type 5|phosphodiesterase 5)\b/ },
  P2Y12: { field: 'mechanism', any: /\bp2y12\b/ },
  'CTLA-4': { field: 'mechanism', any: /\b(ctla 4|ctla4|cytotoxic t lymphocyte (associated )?(antigen|protein) 4)\b/ },
};

/** Sentence words that make a naming look like a mention, not a use (read these by hand). */
const MENTION =
  /\b(not (indicated|approved|used|intended|recommended|effective|for|a treatment|a primary treatment|a first line treatment|typically used)|excluding|except|contraindicated|caution|should not|avoid|may cause|can cause|side effects?|adverse|risk of|investigat\w*|studied|research\w*|some studies|unlike|rather than|worsen\w*|interact\w*|unsubstantiated|no robust|isn t robust|not robust)\b/i;

/**
 * What a person decided after reading the lists (slugs: `x` is /composition/x/, `C:x` is
 * /composition/combination/x/). `exclude`: named only as a mention — the disease of a population
 * the drug is given to for something else (anaemia in HIV, Kaposi sarcoma, weight loss), a
 * complication, a component's own use described inside a combination's page, a supplement that
 * "may help" or was "explored", a different drug (an ARB's page naming ACE); for targets, a drug
 * that does not act on the target (a DPP-4 inhibitor raising GLP-1, a triptan reducing CGRP
 * release, an enzyme that merely metabolizes it). `include`: named only in a flagged sentence but
 * truly a use. `drop`: a page the earlier judgment expected whose text does not name it.
 */
interface Decision {
  exclude?: string[];
  include?: string[];
  drop?: string[];
}
const MS_DECISION: Decision = {
  exclude: ['fesoterodine-fumarate', 'C:gabapentin-methylcobalamin', 'interferon-alpha', 'itolizumab', 'C:diclofenac-paracetamol-tizanidine', 'C:mefenamicacid-tizanidine', 'C:rofecoxib-tizanidine', 'C:tizanidine-valdecoxib', 'C:nimesulide-paracetamol-tizanidine', 'C:diclofenac-serratiopeptidase-tizanidine'],
};
const CML_DECISION: Decision = {};
const T2DM_DECISION: Decision = {
  exclude: [
    'C:alphalipoicacid-benfotiamine-chromiumpicolinate-folicacid-methylcobalamin-myo-inositol-selenium', 'C:alphalipoicacid-benfotiamine-chromiumpicolinate-inositol-methylcobalamin',
    'C:alphalipoicacid-chromiumpicolinate-folicacid-methylcobalamin-myo-inositol-seleniumdioxide-zincsulfate', 'C:atorvastatin-fenofibrate', 'C:chlorthalidone-telmisartan', 'cetilistat',
    'C:d-chiroinositol-l-methylfolatecalcium-melatonin-metformin-methylcobalamin-myo-inositol', 'C:d-chiroinositol-myo-inositol-vitamind3', 'C:dapagliflozin-metoprololsuccinate', 'dried-yeast',
    'C:enalapril-losartan', 'finerenone', 'icosapent-ethyl', 'C:indapamide-olmesartanmedoxomil', 'irbesartan', 'ispaghula', 'C:l-methylfolate-metformin-methylcobalaminmecobalamin-myo-inositol',
    'C:metformin-myo-inositol', 'C:metformin-ursodeoxycholic-acid-ursodiol', 'lorcaserin', 'losartan', 'mifepristone', 'myo-inositol', 'policosanol', 'resveratrol', 'rimonabant', 'saroglitazar',
  ],
};
const DECISIONS: Record<string, Decision> = {
  'multiple sclerosis': MS_DECISION,
  MS: MS_DECISION,
  CLL: { exclude: ['oblimersen', 'recombinant-human-erythropoietin-beta'], drop: ['zanubrutinib'] },
  'chronic myeloid leukemia': CML_DECISION,
  CML: CML_DECISION,
  T2DM: T2DM_DECISION,
  'type 2 diabetes': T2DM_DECISION,
  HIV: {
    exclude: [
      'amikacin', 'anidulafungin', 'bedaquiline', 'bovine-colostrum', 'calcium-hydroxylapatite', 'cannabis', 'C:choline-cyproheptadine', 'clarithromycin', 'co-trimoxazole', 'cotrimoxazole', 'crofelemer',
      'C:cyproheptadine-lysine', 'C:cyproheptadine-lysine-peptone', 'C:cyproheptadine-tricholinecitrate', 'dapsone-systemic', 'daunorubicin-liposomal', 'epoetin-alfa', 'erythropoietin', 'famciclovir',
      'fosinopril', 'ganciclovir', 'ganciclovir-systemic', 'glutamine', 'haemophilus-influenza-b', 'human-gamma-globulin', 'human-hepatitis-b-immunoglobulin', 'interferon-alfa-2b', 'C:l-isoleucine-l-leucine',
      'C:l-isoleucine-l-leucine-l-valine', 'lenograstim', 'nitazoxanide', 'paclitaxel', 'paromomycin', 'pentamidine', 'peptone', 'pomalidomide', 'primaquine', 'pyrimethamine', 'C:pyrimethamine-sulfamethoxazole',
      'ranpirnase', 'recombinant-human-erythropoietin', 'recombinant-human-erythropoietin-alfa', 'rifabutin', 'siltuximab', 'sofosbuvir', 'somatropin-genotropin', 'somatropin-e-coli-derived',
      'somatropin-mammalian-derived', 'sulfadiazine', 'tesamorelin', 'tetroxoprim', 'thioacetazone', 'thymosin-alpha', 'trifluridine-ophthalmic', 'trimethoprim', 'trimethoprim-combinations', 'valacyclovir',
    ],
    include: ['emivirine'],
  },
  'hepatitis C': { exclude: ['eltrombopag', 'liver-fraction-2-derived-from-fresh-liver-01'] },
  HBV: { exclude: ['C:lamivudine-zidovudine'] },
  tuberculosis: {
    exclude: ['C:ambroxol-guaifenesin-levosalbutamol', 'C:ambroxol-levosalbutamol', 'acetylcysteine', 'C:bromhexine-guaifenesin-menthol-salbutamol', 'C:cyproheptadine-sorbitol-tricholinecitrate', 'C:cyproheptadine-tricholinecitrate', 'peptone', 'pyridoxine-hydrochloride', 'sutezolid', 'tuberculin-purified-protein-derivative-ppd'],
  },
  'multiple myeloma': { exclude: ['sodium-acid-phosphate', 'strontium-chloride'], include: ['denosumab', 'plerixafor', 'zoledronic-acid'] },
  NSCLC: { exclude: ['edatrexate', 'C:gimeracil-oteracil-tegafur'] },
  PAH: { exclude: ['aminohippurate-sodium', 'tacrolimus-extended-release', 'C:estradiol-sildenafil'] },
  GERD: { exclude: ['technetium-tc-99m-sulfur-colloid'], include: ['C:amoxycillin-clarithromycin-esomeprazole', 'C:itopride-rabeprazole', 'rabeprazole'] },
  'rheumatoid arthritis': {
    exclude: [
      'iron-isomaltoside', 'nintedanib', 'C:diclofenac-pitofenone-fenpiverinium-benzyl-alcohol', 'C:etodolac-tolperisone', 'C:diclofenac-thiocolchicoside', 'boswellic-acid', 'C:diclofenac-gabapentin-methylsalicylate',
      'C:docosahexanoicacid-eicosapentaenoicacid', 'C:eicosapentaenoic-acid-docosahexanoic-aciddha', 'C:etoricoxib-vitamind3', 'C:glucosamine-methylsulfonylmethane-quercetin-rutin', 'histidine',
      'omega-3-fatty-acid', 'C:omega-3fattyacid-tocotrienol', 'sodium-feredetate', 'superoxide-dismutase-sod', 'evening-primrose-oil', 'C:eveningprimroseoil-tocoferol',
    ],
    include: ['C:alcohol-diclofenacdiethylamine-methylsalicylate'],
  },
  PNH: {},
  aHUS: {},
  ITP: {},
  ADHD: { exclude: ['cannabis', 'C:docosahexanoicacid-eicosapentaenoicacid', 'omega-3-fatty-acid', 'pycnogenol'] },
  BPH: { exclude: ['C:ambrisentan-tadalafil', 'C:deflazacort-tamsulosin'] },
  'erectile dysfunction': {
    exclude: [
      'C:coenzyme-q-l-arginine-omega-selenium', 'collagenase-systemic', 'dehydroepiandrosterone', 'dihydrotestosterone', 'enclomiphene', 'C:estradiol-sildenafil', 'ginseng-extract', 'C:l-arginine-proanthocyanidin',
      'C:lidocaine-zinccarnosine', 'mesterolone', 'methyltestosterone', 'protodioscin', 'pycnogenol', 'recombinant-human-luteinizing-hormone', 'testosterone', 'testosterone-injection',
      'C:testosteronedecanoate-testosteroneisocaproate-testosteronephenylpropionate-testosteronepropionate', 'testosterone-isocaproate', 'testosterone-phenylpropionate', 'testosterone-propionate', 'C:ambrisentan-tadalafil',
    ],
  },
  COPD: {
    exclude: ['rolipram', 'C:moxifloxacin-prednisolone', 'C:acebrophylline-desloratadine-montelukast', 'C:acetylcysteine-taurine'],
    include: ['C:ambroxol-levosalbutamollevalbuterol-guaifenesin', 'C:beclomethasone-formoterol', 'C:chlorpheniraminemaleate-salbutamol', 'levofloxacin-systemic', 'mometasone'],
  },
  gout: { exclude: ['C:cefadroxil-probenecid', 'C:etoricoxib-vitamind3'] },
  migraine: {
    exclude: [
      'C:alphalipoicacid-chromiumpicolinate-folicacid-methylcobalamin-selenium-vitaminb6-zinc', 'C:amitriptyline-gabapentin', 'C:beta-cyclodextrin-coenzyme-q', 'C:codliveroil-coenzymeq10-levo-carnitine-vitamine',
      'coenzyme-q', 'coenzyme-q10', 'C:coenzymeq10-l-arginine-levo-carnitine-lycopene-omega-3fattyacid-selenium', 'C:coenzymeq10-omega-3marinetriglycerides-vitamine',
      'C:folicacid-lacticacidbacillus-niacinamide-vitaminb2', 'C:folicacid-niacinamide-thiamine-vitaminc', 'C:magnesium-vitamind3', 'magnesium-bisglycinate', 'olive-oil',
    ],
  },
  CMV: { exclude: ['acyclovir-systemic', 'leflunomide', 'molgramostim'] },
  RSV: {},
  OCD: { exclude: ['inositol', 'C:escitalopramoxalate-etizolam', 'C:fluoxetine-olanzapine', 'C:clonazepam-paroxetine'] },
  hypertension: {
    exclude: [
      'C:acetylcysteine-pyridoxaminedihydrochloride', 'allium-cepa', 'C:amitriptyline-propranolol', 'C:aspirin-atorvastatin', 'C:aspirin-rosuvastatin',
      'C:biotin-coenzymeq10-cyanocobalamin-folicacid-lycopene-mixedcarotene-omega-3fattyacid-seleniumdioxide-zincsulphatemonohydrate', 'C:coenzymeq10-docosahexanoicacid-eicosapentaenoicacid-l-arginine-lycopene-selenium',
      'C:coenzymeq10-docosahexanoicacid-eicosapentaenoicacid-lycopene-seleniumdioxide', 'C:folicacid-l-arginine-methylcobalamin-zincsulphatemonohydrate', 'grape-seed-extract', 'icatibant',
      'C:l-arginine-levo-carnitine-methylcobalamin-vitamine', 'C:l-arginine-proanthocyanidin', 'C:omega-3fattyacid-tocotrienol', 'orlistat', 'phendimetrazine', 'phentermine', 'proanthocyanidin', 'rosuvastatin',
      'carica-papaya', 'cod-liver-oil', 'C:beta-cyclodextrin-coenzyme-q', 'pycnogenol', 'C:lidocaine-nifedipine', 'C:hydralazine-isosorbidedinitrate', 'metyrosine',
      'technetium-tc-99m-pentetate', 'C:isosorbidemononitrate-metoprololsuccinate',
    ],
    include: ['mecamylamine'],
  },
  CD20: {},
  CD38: {},
  'anti CD52': {},
  'PD-1': { exclude: ['avelumab', 'durvalumab'] },
  'PD-L1 inhibitor': { exclude: ['nivolumab', 'pembrolizumab'] },
  HER2: { exclude: ['palbociclib'] },
  TNF: {
    exclude: [
      'acebrophylline', 'aflapin', 'apremilast', 'aviptadil', 'clofazimine', 'C:curcumalonga-diacerein', 'diacerein', 'diosmin', 'fenspiride', 'harpagoside', 'imiquimod', 'mesalamine', 'mifamurtide',
      'mono-ammonium-glycyrrhizinate', 'pimecrolimus', 'pirfenidone', 'pomalidomide', 'rebamipide', 'telithromycin', 'thalidomide', 'thymol', 'triticum-vulgare-extract', 'ulinastatin',
    ],
  },
  'proton pump inhibitor': { exclude: ['lafutidine'] },
  'BTK inhibitor': {},
  'JAK inhibitor': { exclude: ['eltrombopag', 'granulocyte-colony-stimulating-factor', 'interferon-alpha-2a', 'interferon-alpha-2b', 'molgramostim', 'pegylated-interferon-alpha-2a', 'pegylated-interferon-alpha-2b'] },
  'SGLT2 inhibitor': {},
  'DPP-4 inhibitor': { exclude: ['exenatide', 'C:insulindegludec-liraglutide', 'liraglutide'] },
  'GLP-1 receptor agonist': {
    exclude: [
      'alogliptin', 'C:alogliptin-metformin', 'anagliptin', 'C:dapagliflozin-metformin-sitagliptin', 'C:dapagliflozin-metformin-vildagliptin', 'C:dapagliflozin-saxagliptin', 'C:dapagliflozin-sitagliptin',
      'C:dapagliflozin-vildagliptin', 'C:empagliflozin-linagliptin', 'evogliptin', 'C:evogliptin-metformin', 'gemigliptin', 'C:gemigliptin-metformin', 'C:gliclazide-sitagliptin', 'C:glimepiride-metformin-sitagliptin',
      'linagliptin', 'C:metformin-pioglitazone-sitagliptin', 'C:metformin-pioglitazone-teneligliptin', 'C:metformin-saxagliptin', 'C:metformin-sitagliptin', 'C:metformin-teneligliptin', 'C:metformin-vildagliptin',
      'C:pioglitazone-teneligliptin', 'C:pioglitazone-vildagliptin', 'C:remogliflozinetabonate-teneligliptin', 'C:remogliflozinetabonate-vildagliptin', 'saxagliptin', 'sitagliptin', 'teneligliptin', 'vildagliptin',
    ],
  },
  EGFR: { exclude: ['recombinant-human-epidermal-growth-factor', 'recombinant-human-epidermal-growth-factor-egf'] },
  'anti-VEGF': { exclude: ['broxyquinoline', 'bucillamine', 'diosmin', 'nimotuzumab'] },
  PCSK9: {},
  CGRP: { exclude: ['almotriptan', 'lasmiditan', 'naratriptan', 'rizatriptan', 'sumatriptan', 'zolmitriptan'] },
  'IL-6': { exclude: ['afelimomab', 'C:curcumalonga-diacerein', 'etretinate', 'euphorbia-prostrata-extract', 'harpagoside', 'imiquimod', 'mifamurtide', 'triticum-vulgare-extract', 'ulinastatin'] },
  'IL-17': {},
  'complement C5 inhibitor': { exclude: ['indium-in-111-capromab-pendetide'] },
  'PARP inhibitor': { exclude: ['nicotinamide'] },
  'CDK4/6 inhibitor': {},
  'factor Xa inhibitor': { exclude: ['factor-x-human', 'human-coagulation-factor-viii', 'nafamostat'] },
  statin: { exclude: ['bempedoic-acid', 'C:bempedoicacid-ezetimibe', 'lipid', 'policosanol'] },
  'BCR-ABL': {},
  'S1P receptor modulator': {},
  'proteasome inhibitor': { exclude: ['fulvestrant', 'geldanamycin'] },
  'ACE inhibitor': { exclude: ['eprosartan', 'nattokinase'] },
  SSRI: { exclude: ['C:bromhexine-dextromethorphanhydrobromide-guaifenesin', 'nefazodone', 'sceletium-tortuosum', 'trazodone', 'vortioxetine'] },
  'integrase inhibitor': {},
  'ALK inhibitor': {},
  'xanthine oxidase inhibitor': { exclude: ['azathioprine', 'C:betamethasone-clindamycin-nicotinamide', 'mercaptopurine', 'molybdenum', 'thioguanine'] },
  '5-alpha reductase inhibitor': { exclude: ['nandrolone-decanoate', 'pygeum'] },
  'PDE5 inhibitor': { exclude: ['theophylline'] },
  P2Y12: {},
  'CTLA-4': {},
};
const urlOf = (slug: string): string => (slug.startsWith('C:') ? `/composition/combination/${slug.slice(2)}/` : `/composition/${slug}/`);

const MECHANISM_SECTIONS = /^how-it-works(-\d+)?$/;
const USAGE_SECTIONS = /^overview(-\d+)?$/;
const SUMMARY_SECTIONS = /^summary(-\d+)?$/;

function sectionsOf(e: CatalogEntry, field: Spec['field']): string[] {
  const m = e.monograph;
  const which = field === 'usage' ? USAGE_SECTIONS : MECHANISM_SECTIONS;
  const out: string[] = [];
  const add = (ss: readonly Section[]): void => {
    for (const s of ss) {
      if (which.test(s.id)) out.push(s.markdown);
      // The profile summary's "Mechanism of Action:" line states the mechanism too ("SSRI.").
      else if (field === 'mechanism' && SUMMARY_SECTIONS.test(s.id)) out.push(...s.markdown.split('\n').filter((l) => /mechanism of action/i.test(l)));
    }
  };
  add(m.sections);
  for (const g of m.perIngredient) add(g.sections);
  for (const a of m.alternates) {
    add(a.sections);
    for (const g of a.perIngredient) add(g.sections);
  }
  if (field === 'usage' && m.description.origin === 'frontmatter') out.push(m.description.text);
  // The drug class as the page states it ("classified as a selective serotonin reuptake inhibitor (SSRI)").
  if (field === 'mechanism' && m.drugClass !== null) out.push(m.drugClass.text);
  return out;
}

/** Sentences (and list items) of markdown text. */
const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/[*_#`>]+/g, '').trim())
    .filter((s) => s !== '');

const dir = join(ROOT, 'bench/.cache/diagnose');
const cached = readdirSync(dir).find((f) => /^corpus-\w+\.jsonl$/.test(f));
if (cached === undefined) throw new Error('judge: run bench/search/diagnose.ts first (it caches the linked corpus)');
const entries: CatalogEntry[] = [];
for await (const line of createInterface({ input: createReadStream(join(dir, cached)), crlfDelay: Infinity })) if (line !== '') entries.push(JSON.parse(line) as CatalogEntry);

interface Named {
  url: string;
  title: string;
  hits: { sentence: string; flagged: boolean }[];
}
const out: Record<string, { named: string[]; flagged: string[] }> = {};
for (const [q, spec] of Object.entries(SPECS)) {
  if (values.q !== undefined && values.q !== q) continue;
  const named: Named[] = [];
  for (const e of entries) {
    const hits: Named['hits'] = [];
    for (const text of sectionsOf(e, spec.field)) {
      for (const s of sentences(text)) {
        const n = ` ${normalizeName(s).replace(spec.strip ?? /$^/, ' ')} `;
        if (!(spec.any.test(n) || (spec.caps?.test(s) ?? false))) continue;
        hits.push({ sentence: s, flagged: MENTION.test(s) });
      }
    }
    if (hits.length > 0) named.push({ url: e.url, title: e.monograph.title, hits });
  }
  const clean = named.filter((n) => n.hits.some((h) => !h.flagged));
  const flagged = named.filter((n) => n.hits.every((h) => h.flagged));
  out[q] = { named: clean.map((n) => n.url), flagged: flagged.map((n) => n.url) };
  if (values.json) continue;
  console.log(`\n### ${q} (${spec.field}): ${clean.length} named, ${flagged.length} only in flagged sentences`);
  for (const n of values.flagged ? flagged : [...clean, ...flagged]) {
    const h = n.hits.find((x) => !x.flagged) ?? n.hits[0]!;
    console.log(`${h.flagged ? '?' : ' '} ${n.url} | ${n.title} | ${h.sentence.slice(0, 220)}`);
  }
}
if (values.json) console.log(JSON.stringify(out, null, 1));

/** The relevant pages of one query: named in a clean sentence and not excluded, or named only in flagged ones and included. */
function relevant(q: string): string[] {
  const found = out[q];
  const d = DECISIONS[q];
  if (found === undefined || d === undefined) throw new Error(`judge: no list or no decision for "${q}"`);
  const known = new Set([...found.named, ...found.flagged]);
  const unknown = [...(d.exclude ?? []), ...(d.include ?? [])].filter((slug) => !known.has(urlOf(slug)));
  if (unknown.length > 0) throw new Error(`judge: "${q}": ${unknown.join(', ')} not among the pages named`);
  const exclude = new Set((d.exclude ?? []).map(urlOf));
  return [...new Set([...found.named.filter((u) => !exclude.has(u)), ...(d.include ?? []).map(urlOf)])];
}

if (values.write) {
  const file = join(ROOT, 'bench/search/queries.json');
  const text = readFileSync(file, 'utf8');
  const data = JSON.parse(text) as { $comment: string; queries: { q: string; type: string; expect: string[]; safety?: string[]; note?: string }[] };
  for (const query of data.queries) {
    if (query.type !== 'indication' && query.type !== 'mechanism') continue;
    const spec = SPECS[query.q];
    if (spec === undefined) throw new Error(`judge: no spec for the ${query.type} query "${query.q}"`);
    const rel = relevant(query.q);
    const relSet = new Set(rel);
    const drop = new Set((DECISIONS[query.q]!.drop ?? []).map(urlOf));
    if (/\[judged .*\]$/.test(query.note ?? '')) throw new Error(`judge: "${query.q}" is already judged: --write applies to the earlier judgments (restore its earlier line first)`);
    const kept = [...new Set(query.expect.filter((u) => !drop.has(u)))];
    const missing = kept.filter((u) => !relSet.has(u));
    if (missing.length > 0) throw new Error(`judge: "${query.q}" expected ${missing.join(', ')}, which its text does not name (add them to drop, or fix the spec)`);
    const added = rel.filter((u) => !kept.includes(u)).sort();
    const before = query.expect.length;
    query.expect = [...kept, ...added];
    const what = spec.field === 'usage' ? 'Usage section names it as a use' : 'mechanism text says it acts on it';
    const base = (query.note ?? '').replace(/ \[judged .*\]$/, '');
    const dropped = drop.size > 0 ? `; dropped ${[...drop].join(', ')}: its text does not name it` : '';
    query.note = `${base} [judged from the text with bench/search/judge.ts: every page whose ${what}, ${query.expect.length} pages (was ${before}, the first ones kept first)${dropped}]`;
  }
  // One query a line, as the file was written.
  const lines = data.queries.map((q) => `    ${JSON.stringify(q).replace(/","/g, '", "').replace(/":/g, '": ').replace(/,"/g, ', "')}`);
  writeFileSync(file, `{\n  "$comment": ${JSON.stringify(data.$comment)},\n  "queries": [\n${lines.join(',\n')}\n  ]\n}\n`);
  console.log(`wrote ${file}`);
}
