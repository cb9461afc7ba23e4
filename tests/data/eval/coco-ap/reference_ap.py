#!/usr/bin/env python3
"""Reference AP for the fixture, written independently of the app's C++ from the COCO detection
evaluation's published definition (cocodataset.org/#detection-eval and the COCOeval class of
the COCO API it points to), for bounding boxes, area range "all", at most 100 detections per
image and category:

* IoU of two boxes [x, y, w, h]: intersection over union; for a ground-truth crowd region
  (iscrowd) the intersection over the detection's own area. Crowd regions are "ignore" objects.
* Thresholds t = 0.50, 0.55 ... 0.95 (numpy.linspace(.5, .95, 10)); recall points
  r = 0, 0.01 ... 1 (numpy.linspace(0, 1, 101)).
* Per image and category: detections best score first (a stable sort), at most 100; ground truth
  with the ignore objects last. At each t every detection in turn takes the ground-truth object
  with the highest IoU >= t that is not yet taken (a crowd region may be taken again); once it
  holds a real object it does not move to an ignore object. A detection on an ignore object is
  itself ignored.
* Per category: all its detections of all images (image order, then the order above) sorted by
  score (stable); cumulative true and false positives over the detections not ignored;
  recall = TP / (ground-truth objects not ignored), precision = TP / (TP + FP + eps); precision
  made non-increasing from the right; at each recall point the precision of the first detection
  whose recall reaches it, or 0 past the last. AP = the mean over the 101 points (and the 10
  thresholds for AP@[.5:.95]); a category without ground truth has no AP. The set's AP is the
  mean over the categories that have one.

Usage: reference_ap.py truth.json predictions.json > expected.json
Standard library only.
"""
import json
import sys
from collections import defaultdict

EPS = 2.220446049250313e-16  # numpy.spacing(1)


def linspace(start, stop, num):
    step = (stop - start) / (num - 1)
    return [i * step + start for i in range(num - 1)] + [stop]


THRESHOLDS = linspace(0.5, 0.95, 10)
RECALL_POINTS = linspace(0.0, 1.0, 101)
MAX_DETECTIONS = 100


def box_iou(det, gt, crowd):
    dx, dy, dw, dh = det
    gx, gy, gw, gh = gt
    w = min(dw + dx, gw + gx) - max(dx, gx)
    if w <= 0:
        return 0.0
    h = min(dh + dy, gh + gy) - max(dy, gy)
    if h <= 0:
        return 0.0
    inter = w * h
    det_area = dw * dh
    union = det_area if crowd else det_area + gw * gh - inter
    return inter / union


def evaluate_image(dets, gts):
    """Per threshold, for each kept detection (best score first): (score, matched, ignored)."""
    dets = sorted(dets, key=lambda d: -d["score"])[:MAX_DETECTIONS]  # sorted() is stable
    gts = sorted(gts, key=lambda g: g["iscrowd"])  # ignore objects last, stable
    ious = [[box_iou(d["bbox"], g["bbox"], g["iscrowd"]) for g in gts] for d in dets]
    outcome = []
    for t in THRESHOLDS:
        taken = [False] * len(gts)
        row = []
        for di, d in enumerate(dets):
            best_iou = min(t, 1 - 1e-10)
            best = -1
            for gi, g in enumerate(gts):
                if taken[gi] and not g["iscrowd"]:
                    continue
                if best > -1 and not gts[best]["iscrowd"] and g["iscrowd"]:
                    break
                if ious[di][gi] < best_iou:
                    continue
                best_iou = ious[di][gi]
                best = gi
            if best == -1:
                row.append((d["score"], False, False))
            else:
                taken[best] = True
                row.append((d["score"], True, bool(gts[best]["iscrowd"])))
        outcome.append(row)
    real = sum(1 for g in gts if not g["iscrowd"])
    return outcome, real


def category_ap(per_image):
    """per_image: [(outcome by threshold, real ground-truth count)] in image order."""
    real = sum(n for _, n in per_image)
    if real == 0:
        return None
    aps = []
    for ti in range(len(THRESHOLDS)):
        rows = [r for outcome, _ in per_image for r in outcome[ti]]
        rows.sort(key=lambda r: -r[0])  # stable
        tp = fp = 0
        recall, precision = [], []
        for _, matched, ignored in rows:
            if not ignored:
                if matched:
                    tp += 1
                else:
                    fp += 1
            recall.append(tp / real)
            precision.append(tp / (fp + tp + EPS))
        for i in range(len(precision) - 1, 0, -1):
            if precision[i] > precision[i - 1]:
                precision[i - 1] = precision[i]
        total = 0.0
        for level in RECALL_POINTS:
            first = next((i for i, r in enumerate(recall) if r >= level), None)
            if first is None:
                break
            total += precision[first]
        aps.append(total / len(RECALL_POINTS))
    return aps


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    predictions = json.load(open(sys.argv[2], encoding="utf-8"))
    names = {c["id"]: c["name"] for c in truth["categories"]}
    image_ids = sorted(i["id"] for i in truth["images"])
    gts = defaultdict(list)
    for a in truth["annotations"]:
        gts[(a["image_id"], a["category_id"])].append(a)
    dts = defaultdict(list)
    for a in predictions["annotations"]:
        dts[(a["image_id"], a["category_id"])].append(a)

    result = {"categories": {}}
    ap50s, ap_all = [], []
    for category in sorted(names):
        per_image = []
        for image in image_ids:
            g, d = gts[(image, category)], dts[(image, category)]
            if g or d:
                per_image.append(evaluate_image(d, g))
        aps = category_ap(per_image)
        if aps is None:
            continue
        result["categories"][names[category]] = {"ap50": aps[0], "ap50_95": sum(aps) / len(aps)}
        ap50s.append(aps[0])
        ap_all.append(sum(aps) / len(aps))
    result["ap50"] = sum(ap50s) / len(ap50s)
    result["ap50_95"] = sum(ap_all) / len(ap_all)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
