// A conservative model of Bitburner 2.8's static RAM calculator (src/Script/RamCalculations.ts): 1.6 GB base,
// plus once per distinct identifier that names an NS function with a cost, over the script and every module
// it imports; `window`/`document` 25 GB each, `hacknet` 4 GB. The game only charges identifiers reachable from
// the main module; this model charges every identifier of every imported module, so it can only be higher.
// Singularity functions are at their price without Source-File 4 (x16). Costs from src/Netscript/RamCostGenerator.ts.
import { shippedScript } from "./fake-game.mjs";

const COSTS = new Map();
function price(gb, names) {
  for (const name of names.trim().split(/\s+/)) if (!COSTS.has(name)) COSTS.set(name, gb);
}

// Top-level functions first: the game's lookup prefers them over namespaced ones of the same name.
price(0.05, `hasTorRouter nuke brutessh ftpcrack relaysmtp httpworm sqlinject hasRootAccess getHostname getHackingLevel
  getServerMaxRam getServerUsedRam getPurchasedServerLimit getPurchasedServerMaxRam getHackTime getGrowTime
  getWeakenTime getTimeSinceLastAug`);
price(0.1, `hack getServerMoneyAvailable getServerSecurityLevel getServerBaseSecurityLevel getServerMinSecurityLevel
  getServerRequiredHackingLevel getServerMaxMoney getServerGrowth getServerNumPortsRequired serverExists fileExists
  isRunning getPurchasedServerUpgradeCost getScriptRam getTotalScriptIncome getScriptIncome getTotalScriptExpGain
  getScriptExpGain getFavorToDonate`);
price(0.15, "grow weaken");
price(0.2, "scan ls ps getRecentScripts getSharePower");
price(0.25, "getHackingMultipliers getHacknetMultipliers getPurchasedServerCost upgradePurchasedServer");
price(0.3, "getRunningScript");
price(0.5, "kill killall getPlayer");
price(0.6, "scp");
price(1, `hackAnalyzeThreads hackAnalyze hackAnalyzeSecurity hackAnalyzeChance growthAnalyze growthAnalyzeSecurity
  weakenAnalyze run rm scriptRunning scriptKill getMoneySources getResetInfo`);
price(1.05, "getPurchasedServers");
price(1.3, "exec");
price(2, "spawn getServer");
price(2.25, "purchaseServer deleteServer");
price(2.4, "share");
price(4, "getBitNodeMultipliers");
// Namespaces, in the game's order: corporation, hacknet (all free), stock, singularity, gang, go, bladeburner,
// infiltration, codingcontract, sleeve, stanek, ui (all free), grafting.
price(10, `hasUnlock getUnlockCost getUpgradeLevel getUpgradeLevelCost getInvestmentOffer getIndustryData
  getMaterialData getCorporation getDivision getWarehouse getProduct getMaterial getUpgradeWarehouseCost hasWarehouse
  getOffice getHireAdVertCost getHireAdVertCount getResearchCost hasResearched getOfficeSizeUpgradeCost`);
price(20, `createCorporation acceptInvestmentOffer goPublic bribe expandIndustry expandCity purchaseUnlock levelUpgrade
  issueDividends issueNewShares buyBackShares sellShares sellDivision sellMaterial sellProduct discontinueProduct
  setSmartSupply setSmartSupplyOption buyMaterial bulkPurchase setMaterialMarketTA1 setMaterialMarketTA2
  setProductMarketTA1 setProductMarketTA2 exportMaterial cancelExportMaterial purchaseWarehouse upgradeWarehouse
  makeProduct limitMaterialProduction limitProductProduction hireEmployee upgradeOfficeSize throwParty buyTea
  hireAdVert research setAutoJobAssignment`);
price(1, "nextUpdate");
price(0.05, "hasWSEAccount hasTIXAPIAccess has4SData has4SDataTIXAPI");
price(2, "getSymbols getPrice getOrganization getAskPrice getBidPrice getPosition getMaxShares getPurchaseCost getSaleGain");
price(2.5, `buyStock sellStock buyShort sellShort placeOrder cancelOrder getOrders getVolatility getForecast
  purchase4SMarketData purchase4SMarketDataTixApi purchaseWseAccount purchaseTixApi`);
price(32, `universityCourse gymWorkout travelToCity purchaseTor purchaseProgram getCurrentServer getCompanyPositionInfo
  getCompanyPositions connect manualHack installBackdoor`);
price(80, `goToLocation donateToFaction createProgram commitCrime getCrimeChance getCrimeStats getOwnedAugmentations
  getOwnedSourceFiles getAugmentationFactions getAugmentationsFromFaction getAugmentationPrereq getAugmentationStats
  purchaseAugmentation softReset installAugmentations`);
price(8, "cat getDarkwebProgramCost getDarkwebPrograms hospitalize isBusy exportGameBonus getCurrentWork");
price(16, "stopAction getCompanyRep getCompanyFavor getFactionWorkTypes getFactionRep getFactionFavor getSaveData exportGame");
price(48, `upgradeHomeRam upgradeHomeCores workForCompany applyToCompany quitJob getFactionInviteRequirements
  getFactionEnemies checkFactionInvitations joinFaction workForFaction`);
price(24, "getUpgradeHomeRamCost getUpgradeHomeCoresCost");
price(12, "getCompanyFavorGain getFactionFavorGain");
price(40, "getAugmentationPrice getAugmentationBasePrice getAugmentationRepReq");
price(1.6, "isFocused setFocus");
price(256, "b1tflum3");
price(512, "destroyW0r1dD43m0n");
price(1, "createGang inGang getMemberNames canRecruitMember getRecruitsAvailable respectForNextRecruit getTaskStats");
price(2, `getGangInformation getOtherGangInformation getMemberInformation recruitMember setMemberTask getEquipmentCost
  getEquipmentType getEquipmentStats getAscensionResult getInstallResult setTerritoryWarfare`);
price(4, "purchaseEquipment ascendMember getChanceToWinClash makeMove getBoardState setTestingBoardState");
price(8, "getValidMoves removeRouter playTwoMoves repairOfflineNode destroyNode");
price(16, "getChains getLiberties getControlledEmptyNodes");
price(1, "getCheatSuccessChance getCheatCount inBladeburner getCurrentAction");
price(2, "getNextBlackOp getBlackOpRank stopBladeburnerAction");
price(4, `startAction getActionTime getActionCurrentTime getActionEstimatedSuccessChance getActionRepGain
  getActionCountRemaining getActionMaxLevel getActionCurrentLevel getActionAutolevel getActionSuccesses
  setActionAutolevel setActionLevel getRank getSkillPoints getSkillLevel getSkillUpgradeCost upgradeSkill getTeamSize
  setTeamSize getCityEstimatedPopulation getCityCommunities getCityChaos getCity switchCity getStamina
  joinBladeburnerFaction joinBladeburnerDivision`);
price(15, "getInfiltration getContract");
price(10, "attempt");
price(5, "getContractType getData getDescription");
price(2, "getNumTriesRemaining createDummyContract");
price(4, `getNumSleeves setToIdle setToShockRecovery setToSynchronize setToCommitCrime setToUniversityCourse travel
  setToCompanyWork setToFactionWork setToGymWorkout getTask getSleeve getSleeveAugmentations getSleevePurchasableAugs
  purchaseSleeveAug setToBladeburnerAction getSleeveAugmentationPrice getSleeveAugmentationRepReq`);
price(0.4, "giftWidth giftHeight chargeFragment");
price(5, "activeFragments placeFragment getGraftableAugmentations");
price(0.5, "canPlaceFragment");
price(2, "getFragment acceptGift");
price(0.15, "removeFragment");
price(3.75, "getAugmentationGraftPrice getAugmentationGraftTime");
price(7.5, "graftAugmentation");
price(1, "waitForOngoingGrafting");
const SPECIAL = new Map([["window", 25], ["document", 25], ["hacknet", 4]]);

/** Identifiers in code, with comments, string literals and template text left out (no regex literals). */
export function identifiersOf(code) {
  const names = new Set();
  let i = 0;
  const templateDepth = [];
  while (i < code.length) {
    const c = code[i];
    if (c === "/" && code[i + 1] === "/") {
      i = code.indexOf("\n", i);
      if (i < 0) break;
    } else if (c === "/" && code[i + 1] === "*") {
      i = code.indexOf("*/", i) + 2;
    } else if (c === '"' || c === "'") {
      i++;
      while (code[i] !== c) i += code[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "`" || (c === "}" && templateDepth.at(-1) === 0)) {
      if (c === "}") templateDepth.pop();
      i++;
      while (code[i] !== "`" && !(code[i] === "$" && code[i + 1] === "{")) i += code[i] === "\\" ? 2 : 1;
      if (code[i] === "$") {
        templateDepth.push(0);
        i += 2;
      } else i++;
    } else if (/[A-Za-z_$]/.test(c)) {
      const start = i;
      while (i < code.length && /[\w$]/.test(code[i])) i++;
      names.add(code.slice(start, i));
    } else {
      if (templateDepth.length > 0 && c === "{") templateDepth[templateDepth.length - 1]++;
      if (templateDepth.length > 0 && c === "}") templateDepth[templateDepth.length - 1]--;
      i++;
    }
  }
  return names;
}

/** The static RAM of a shipped script: {total, charged: [[name, gb]...]}, imports followed from the root. */
export function staticRam(gameFileName) {
  const seenModules = new Set();
  const names = new Set();
  const pending = [gameFileName];
  while (pending.length > 0) {
    const file = pending.shift();
    if (seenModules.has(file)) continue;
    seenModules.add(file);
    const code = shippedScript(file);
    for (const name of identifiersOf(code)) names.add(name);
    for (const match of code.matchAll(/from\s*"([^"]+)"/g)) pending.push(match[1]);
  }
  const charged = [...names].filter((n) => COSTS.has(n) || SPECIAL.has(n)).map((n) => [n, COSTS.get(n) ?? SPECIAL.get(n)]);
  const total = charged.reduce((sum, [, gb]) => sum + gb, 1.6);
  return { total: Math.round(total * 100) / 100, charged: charged.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) };
}
