#!/usr/bin/env python3
"""Writes the AP fixture: truth.json and predictions.json, two COCO object-detection files over
the same 60 images and 6 categories (one more category, "kite", has no annotations).

The predictions are the truth moved and resized by random amounts, with some objects missed,
some found twice, some given the wrong category, some invented, a few ground-truth crowd
regions (iscrowd) with predictions on them, and one image with 120 predictions of one category
(past COCO's 100 per image). Every score is different, so the order is never a tie.

Deterministic (seeded): running it again writes the same files. Standard library only.
"""
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATEGORIES = ["person", "car", "dog", "cat", "bicycle", "traffic light", "kite"]
IMAGES = 60


def rounded(box):
    return [round(v, 2) for v in box]


def main():
    rng = random.Random(20260116)
    images, truth, predictions = [], [], []
    used_scores = set()

    def score():
        while True:
            s = round(rng.uniform(0.01, 0.99), 6)
            if s not in used_scores:
                used_scores.add(s)
                return s

    def add_prediction(image_id, category, box):
        predictions.append({"id": len(predictions) + 1, "image_id": image_id,
                            "category_id": category, "bbox": rounded(box), "iscrowd": 0,
                            "area": round(box[2] * box[3], 2), "score": score()})

    for image_id in range(1, IMAGES + 1):
        width, height = rng.choice([(640, 480), (800, 600), (1024, 768), (480, 640)])
        images.append({"id": image_id, "file_name": f"img{image_id:03d}.jpg",
                       "width": width, "height": height})
        objects = 0 if image_id % 17 == 0 else rng.randint(1, 8)
        for _ in range(objects):
            category = rng.randint(1, 6)
            w = rng.uniform(20, width / 3)
            h = rng.uniform(20, height / 3)
            x = rng.uniform(0, width - w)
            y = rng.uniform(0, height - h)
            box = [x, y, w, h]
            crowd = 1 if rng.random() < 0.04 else 0
            truth.append({"id": len(truth) + 1, "image_id": image_id, "category_id": category,
                          "bbox": rounded(box), "iscrowd": crowd,
                          "area": round(w * h, 2)})
            fate = rng.random()
            if fate < 0.12:
                continue  # missed
            jitter = rng.uniform(0.0, 0.2)
            moved = [x + rng.uniform(-jitter, jitter) * w, y + rng.uniform(-jitter, jitter) * h,
                     w * rng.uniform(1 - jitter, 1 + jitter), h * rng.uniform(1 - jitter, 1 + jitter)]
            if fate < 0.20:
                add_prediction(image_id, rng.randint(1, 6), moved)  # maybe the wrong category
            else:
                add_prediction(image_id, category, moved)
            if fate > 0.90:  # found twice
                again = [moved[0] + rng.uniform(-5, 5), moved[1] + rng.uniform(-5, 5),
                         moved[2], moved[3]]
                add_prediction(image_id, category, again)
        for _ in range(rng.randint(0, 2)):  # invented
            w = rng.uniform(15, width / 4)
            h = rng.uniform(15, height / 4)
            add_prediction(image_id, rng.randint(1, 6),
                           [rng.uniform(0, width - w), rng.uniform(0, height - h), w, h])
        if image_id == 30:  # a crowd of people: 120 predictions, COCO scores the best 100
            for k in range(120):
                add_prediction(image_id, 1, [5 + (k % 12) * 50, 5 + (k // 12) * 45, 40, 38])

    categories = [{"id": i + 1, "name": name, "supercategory": ""}
                  for i, name in enumerate(CATEGORIES)]
    for name, annotations in (("truth.json", truth), ("predictions.json", predictions)):
        document = {"images": images, "annotations": annotations, "categories": categories}
        (HERE / name).write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
