/**
 * About 200 common generics and fixed-dose combinations sold in India, with the dosage form and
 * the strengths they are usually sold in: the synthetic generator's fallback when it is given no
 * composition titles, and its source of realistic strengths for the molecules it knows.
 * One line each: `Name[+Name…] | form | strength[+strength…], …`.
 */
const TABLE = `
Paracetamol | tablet | 500mg, 650mg
Paracetamol | syrup | 125mg/5ml, 250mg/5ml
Paracetamol | injection | 150mg/ml
Ibuprofen | tablet | 200mg, 400mg
Ibuprofen | suspension | 100mg/5ml
Diclofenac | tablet | 50mg, 100mg
Diclofenac | gel | 1% w/w
Diclofenac | injection | 75mg
Aceclofenac | tablet | 100mg
Nimesulide | tablet | 100mg
Etoricoxib | tablet | 60mg, 90mg, 120mg
Naproxen | tablet | 250mg, 500mg
Mefenamic Acid | tablet | 250mg, 500mg
Tramadol | tablet | 50mg, 100mg
Tramadol | injection | 50mg
Aspirin | tablet | 75mg, 150mg
Clopidogrel | tablet | 75mg
Prasugrel | tablet | 10mg
Ticagrelor | tablet | 90mg
Atorvastatin | tablet | 10mg, 20mg, 40mg, 80mg
Rosuvastatin | tablet | 5mg, 10mg, 20mg, 40mg
Simvastatin | tablet | 10mg, 20mg
Fenofibrate | tablet | 145mg, 160mg
Amlodipine | tablet | 2.5mg, 5mg, 10mg
Telmisartan | tablet | 20mg, 40mg, 80mg
Losartan | tablet | 25mg, 50mg
Olmesartan Medoxomil | tablet | 20mg, 40mg
Valsartan | tablet | 40mg, 80mg, 160mg
Ramipril | tablet | 2.5mg, 5mg, 10mg
Enalapril | tablet | 2.5mg, 5mg, 10mg
Metoprolol Succinate | tablet | 25mg, 50mg
Atenolol | tablet | 25mg, 50mg
Bisoprolol | tablet | 2.5mg, 5mg
Nebivolol | tablet | 2.5mg, 5mg
Carvedilol | tablet | 3.125mg, 6.25mg, 12.5mg
Cilnidipine | tablet | 5mg, 10mg
Hydrochlorothiazide | tablet | 12.5mg, 25mg
Chlorthalidone | tablet | 6.25mg, 12.5mg
Furosemide | tablet | 40mg
Furosemide | injection | 10mg/ml
Torsemide | tablet | 10mg, 20mg
Spironolactone | tablet | 25mg, 50mg
Metformin | tablet | 500mg, 850mg, 1000mg
Glimepiride | tablet | 1mg, 2mg, 4mg
Gliclazide | tablet | 40mg, 80mg
Sitagliptin | tablet | 50mg, 100mg
Vildagliptin | tablet | 50mg
Teneligliptin | tablet | 20mg
Linagliptin | tablet | 5mg
Dapagliflozin | tablet | 5mg, 10mg
Empagliflozin | tablet | 10mg, 25mg
Pioglitazone | tablet | 15mg, 30mg
Voglibose | tablet | 0.2mg, 0.3mg
Insulin Glargine | injection | 100IU/ml
Levothyroxine | tablet | 25mcg, 50mcg, 75mcg, 100mcg
Carbimazole | tablet | 5mg, 10mg
Amoxycillin | capsule | 250mg, 500mg
Amoxycillin | suspension | 125mg/5ml, 250mg/5ml
Azithromycin | tablet | 250mg, 500mg
Azithromycin | suspension | 100mg/5ml, 200mg/5ml
Cefixime | tablet | 100mg, 200mg
Cefixime | suspension | 50mg/5ml, 100mg/5ml
Cefpodoxime Proxetil | tablet | 100mg, 200mg
Cefuroxime | tablet | 250mg, 500mg
Ceftriaxone | injection | 250mg, 500mg, 1gm
Cefoperazone | injection | 1gm
Cefadroxil | tablet | 500mg
Cephalexin | capsule | 250mg, 500mg
Ciprofloxacin | tablet | 250mg, 500mg
Ciprofloxacin | eye drops | 0.3% w/v
Ofloxacin | tablet | 200mg, 400mg
Levofloxacin | tablet | 250mg, 500mg, 750mg
Moxifloxacin | tablet | 400mg
Moxifloxacin | eye drops | 0.5% w/v
Norfloxacin | tablet | 400mg
Doxycycline | capsule | 100mg
Minocycline | capsule | 50mg, 100mg
Clarithromycin | tablet | 250mg, 500mg
Erythromycin | tablet | 250mg, 500mg
Linezolid | tablet | 600mg
Nitrofurantoin | capsule | 100mg
Metronidazole | tablet | 200mg, 400mg
Tinidazole | tablet | 300mg, 500mg
Ornidazole | tablet | 500mg
Clindamycin | capsule | 150mg, 300mg
Clindamycin | gel | 1% w/w
Meropenem | injection | 500mg, 1gm
Piperacillin+Tazobactam | injection | 4gm+0.5gm
Amikacin | injection | 100mg, 250mg, 500mg
Gentamicin | injection | 40mg/ml
Vancomycin | injection | 500mg, 1gm
Fluconazole | tablet | 50mg, 150mg, 200mg
Itraconazole | capsule | 100mg, 200mg
Terbinafine | tablet | 250mg
Terbinafine | cream | 1% w/w
Clotrimazole | cream | 1% w/w
Ketoconazole | cream | 2% w/w
Luliconazole | cream | 1% w/w
Mupirocin | ointment | 2% w/w
Fusidic Acid | cream | 2% w/w
Silver Sulphadiazine | cream | 1% w/w
Acyclovir | tablet | 200mg, 400mg, 800mg
Acyclovir | cream | 5% w/w
Valacyclovir | tablet | 500mg, 1000mg
Oseltamivir | capsule | 30mg, 75mg
Albendazole | tablet | 400mg
Albendazole | suspension | 200mg/5ml
Ivermectin | tablet | 3mg, 6mg, 12mg
Hydroxychloroquine | tablet | 200mg, 400mg
Artemether+Lumefantrine | tablet | 80mg+480mg
Isoniazid | tablet | 100mg, 300mg
Rifampicin | capsule | 150mg, 450mg
Pantoprazole | tablet | 20mg, 40mg
Pantoprazole | injection | 40mg
Omeprazole | capsule | 20mg
Esomeprazole | tablet | 20mg, 40mg
Rabeprazole | tablet | 10mg, 20mg
Famotidine | tablet | 20mg, 40mg
Ranitidine | tablet | 150mg, 300mg
Domperidone | tablet | 10mg
Domperidone | suspension | 1mg/ml
Ondansetron | tablet | 4mg, 8mg
Ondansetron | injection | 2mg/ml
Itopride | tablet | 50mg
Sucralfate | suspension | 1gm/10ml
Lactulose | syrup | 3.35gm/5ml
Bisacodyl | tablet | 5mg
Loperamide | capsule | 2mg
Racecadotril | capsule | 100mg
Drotaverine | tablet | 40mg, 80mg
Dicyclomine | tablet | 10mg, 20mg
Mebeverine | tablet | 135mg
Ursodeoxycholic Acid | tablet | 150mg, 300mg
Cetirizine | tablet | 10mg
Cetirizine | syrup | 5mg/5ml
Levocetirizine | tablet | 5mg
Fexofenadine | tablet | 120mg, 180mg
Loratadine | tablet | 10mg
Desloratadine | tablet | 5mg
Bilastine | tablet | 20mg
Hydroxyzine | tablet | 10mg, 25mg
Chlorpheniramine Maleate | tablet | 4mg
Montelukast | tablet | 4mg, 5mg, 10mg
Salbutamol | inhaler | 100mcg
Salbutamol | syrup | 2mg/5ml
Budesonide | inhaler | 100mcg, 200mcg
Ambroxol | syrup | 15mg/5ml, 30mg/5ml
Dextromethorphan Hydrobromide | syrup | 10mg/5ml
Prednisolone | tablet | 5mg, 10mg, 20mg, 40mg
Methylprednisolone | tablet | 4mg, 8mg, 16mg
Dexamethasone | tablet | 0.5mg, 4mg
Dexamethasone | injection | 4mg/ml
Deflazacort | tablet | 6mg, 30mg
Hydrocortisone | cream | 1% w/w
Betamethasone | cream | 0.1% w/w
Clobetasol | cream | 0.05% w/w
Mometasone | cream | 0.1% w/w
Fluticasone Propionate | cream | 0.05% w/w
Tacrolimus | ointment | 0.03% w/w, 0.1% w/w
Adapalene | gel | 0.1% w/w
Benzoyl Peroxide | gel | 2.5% w/w
Tretinoin | cream | 0.025% w/w, 0.05% w/w
Permethrin | cream | 5% w/w
Minoxidil | solution | 2% w/v, 5% w/v
Sertraline | tablet | 25mg, 50mg, 100mg
Escitalopram | tablet | 5mg, 10mg, 20mg
Fluoxetine | capsule | 10mg, 20mg
Paroxetine | tablet | 12.5mg, 25mg
Duloxetine | capsule | 20mg, 30mg, 60mg
Amitriptyline | tablet | 10mg, 25mg
Mirtazapine | tablet | 7.5mg, 15mg, 30mg
Alprazolam | tablet | 0.25mg, 0.5mg
Clonazepam | tablet | 0.25mg, 0.5mg, 1mg
Lorazepam | tablet | 1mg, 2mg
Zolpidem | tablet | 5mg, 10mg
Olanzapine | tablet | 5mg, 10mg
Quetiapine | tablet | 25mg, 50mg, 100mg
Risperidone | tablet | 1mg, 2mg
Aripiprazole | tablet | 5mg, 10mg
Levetiracetam | tablet | 250mg, 500mg, 750mg
Sodium Valproate | tablet | 200mg, 500mg
Carbamazepine | tablet | 200mg, 400mg
Oxcarbazepine | tablet | 150mg, 300mg, 600mg
Phenytoin | tablet | 100mg
Lamotrigine | tablet | 25mg, 50mg, 100mg
Pregabalin | capsule | 75mg, 150mg
Gabapentin | tablet | 100mg, 300mg
Donepezil | tablet | 5mg, 10mg
Ropinirole | tablet | 0.25mg, 0.5mg, 1mg
Betahistine | tablet | 8mg, 16mg, 24mg
Cinnarizine | tablet | 25mg
Flunarizine | tablet | 5mg, 10mg
Sumatriptan | tablet | 50mg
Propranolol | tablet | 10mg, 20mg, 40mg
Tamsulosin | capsule | 0.4mg
Silodosin | capsule | 4mg, 8mg
Finasteride | tablet | 1mg, 5mg
Sildenafil | tablet | 25mg, 50mg, 100mg
Tadalafil | tablet | 5mg, 10mg, 20mg
Tolterodine | tablet | 2mg, 4mg
Allopurinol | tablet | 100mg, 300mg
Febuxostat | tablet | 40mg, 80mg
Colchicine | tablet | 0.5mg
Methotrexate | tablet | 2.5mg, 7.5mg
Folic Acid | tablet | 5mg
Methylcobalamin | tablet | 500mcg, 1500mcg
Vitamin D3 | capsule | 60000IU
Calcium Carbonate | tablet | 500mg, 1250mg
Ferrous Ascorbate | tablet | 100mg
Iron Sucrose | injection | 20mg/ml
Zinc Sulphate | syrup | 20mg/5ml
Ascorbic Acid | tablet | 500mg
Thiamine | tablet | 100mg
Pyridoxine | tablet | 10mg, 40mg
Warfarin | tablet | 1mg, 2mg, 5mg
Apixaban | tablet | 2.5mg, 5mg
Rivaroxaban | tablet | 10mg, 15mg, 20mg
Enoxaparin | injection | 40mg, 60mg
Heparin | injection | 5000IU/ml
Tranexamic Acid | tablet | 500mg
Tranexamic Acid | injection | 100mg/ml
Digoxin | tablet | 0.25mg
Isosorbide Mononitrate | tablet | 20mg, 30mg
Nitroglycerin | tablet | 2.6mg, 6.4mg
Ranolazine | tablet | 500mg, 1000mg
Trimetazidine | tablet | 35mg
Ivabradine | tablet | 5mg, 7.5mg
Amiodarone | tablet | 100mg, 200mg
Progesterone | capsule | 100mg, 200mg
Levonorgestrel | tablet | 1.5mg
Letrozole | tablet | 2.5mg
Clomiphene | tablet | 25mg, 50mg
Timolol | eye drops | 0.5% w/v
Latanoprost | eye drops | 0.005% w/v
Carboxymethylcellulose | eye drops | 0.5% w/v, 1% w/v
Lidocaine | gel | 2% w/w
Lidocaine | injection | 2% w/v
Ondansetron+Paracetamol | tablet | 4mg+500mg
Amoxycillin+Clavulanic Acid | tablet | 250mg+125mg, 500mg+125mg, 875mg+125mg
Amoxycillin+Clavulanic Acid | suspension | 200mg/5ml+28.5mg/5ml, 400mg/5ml+57mg/5ml
Paracetamol+Aceclofenac | tablet | 325mg+100mg
Paracetamol+Diclofenac | tablet | 325mg+50mg
Paracetamol+Tramadol | tablet | 325mg+37.5mg
Paracetamol+Ibuprofen | tablet | 325mg+400mg
Paracetamol+Caffeine | tablet | 500mg+30mg
Serratiopeptidase+Aceclofenac+Paracetamol | tablet | 15mg+100mg+325mg
Telmisartan+Amlodipine | tablet | 40mg+5mg, 80mg+5mg
Telmisartan+Hydrochlorothiazide | tablet | 40mg+12.5mg, 80mg+12.5mg
Losartan+Hydrochlorothiazide | tablet | 50mg+12.5mg
Amlodipine+Atenolol | tablet | 5mg+50mg
Metformin+Glimepiride | tablet | 500mg+1mg, 500mg+2mg, 1000mg+2mg
Metformin+Sitagliptin | tablet | 500mg+50mg, 1000mg+50mg
Metformin+Vildagliptin | tablet | 500mg+50mg, 1000mg+50mg
Metformin+Teneligliptin | tablet | 500mg+20mg
Metformin+Dapagliflozin | tablet | 500mg+10mg, 1000mg+10mg
Atorvastatin+Clopidogrel | capsule | 10mg+75mg, 20mg+75mg
Aspirin+Clopidogrel | capsule | 75mg+75mg
Rosuvastatin+Fenofibrate | tablet | 10mg+160mg
Pantoprazole+Domperidone | capsule | 40mg+30mg
Rabeprazole+Domperidone | capsule | 20mg+30mg
Esomeprazole+Domperidone | capsule | 40mg+30mg
Ofloxacin+Ornidazole | tablet | 200mg+500mg
Cefixime+Ofloxacin | tablet | 200mg+200mg
Cefpodoxime Proxetil+Clavulanic Acid | tablet | 200mg+125mg
Ceftriaxone+Sulbactam | injection | 1gm+0.5gm
Montelukast+Levocetirizine | tablet | 10mg+5mg
Montelukast+Fexofenadine | tablet | 10mg+120mg
Ambroxol+Levosalbutamol+Guaifenesin | syrup | 30mg/5ml+1mg/5ml+50mg/5ml
Phenylephrine+Chlorpheniramine Maleate | syrup | 5mg/5ml+2mg/5ml
Chlorpheniramine Maleate+Paracetamol+Phenylephrine | tablet | 2mg+325mg+10mg
Methylcobalamin+Pregabalin | capsule | 750mcg+75mg
Nortriptyline+Pregabalin | tablet | 10mg+75mg
Calcium Carbonate+Vitamin D3 | tablet | 500mg+250IU, 1250mg+500IU
Doxylamine+Pyridoxine+Folic Acid | tablet | 20mg+20mg+5mg
Drotaverine+Mefenamic Acid | tablet | 80mg+250mg
Clobetasol+Salicylic Acid | ointment | 0.05% w/w+3% w/w
Clotrimazole+Beclometasone | cream | 1% w/w+0.025% w/w
Adapalene+Clindamycin | gel | 0.1% w/w+1% w/w
Ketoconazole+Zinc Pyrithione | solution | 2% w/v+1% w/v
Glycopyrrolate+Formoterol | inhaler | 12.5mcg+12mcg
Budesonide+Formoterol | inhaler | 200mcg+6mcg, 400mcg+6mcg
`;

/** One product a generic is sold as: its ingredient names, form, and the strength options (one strength per ingredient each). */
export interface GenericProduct {
  names: string[];
  form: string;
  strengths: string[][];
}

/** The table, parsed. */
export const GENERICS: readonly GenericProduct[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [names = '', form = '', strengths = ''] = line.split('|').map((s) => s.trim());
    return { names: names.split('+').map((n) => n.trim()), form, strengths: strengths.split(',').map((s) => s.split('+').map((x) => x.trim())) };
  });
