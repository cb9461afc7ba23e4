<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BatchWindow</name>
    <message>
        <source>Batch Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry the job on: ask about its batches, store their results, send what is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send nothing more; running batches are asked to stop, and what they finished is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the failed and cancelled images again, as a new batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No batch jobs yet. Choose New Job… to find things in a whole folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Send images and a question to a model; stream the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the boxes and points in a model answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw detections onto an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set, check or delete the API key in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search, export and import saved conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command-line front end of QwenVL Desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command &apos;%1&apos; is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Run with --help to see the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API key and press Enter (it is not shown):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage the API key of an endpoint profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set, status or delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint profile (default: the default profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli key set|status|delete [--profile NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key was given on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the key of profile &apos;%1&apos; in the keychain (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the key of profile &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key comes from %1 and is used for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key for profile &apos;%1&apos;. Store one with: qwenvl-desk-cli key set --profile %1 (it reads the key from standard input), or set %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a whole number of at least %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a Qwen-VL model about images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image file or http(s) URL; repeat for several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model (default: the profile&apos;s, e.g. qwen3-vl-plus).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dashscope or openai (default: the profile&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A system prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the whole answer instead of streaming it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries of throttled or failed requests before any output (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the model&apos;s thinking to standard error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object with the answer at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli ask [options] PROMPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--protocol must be dashscope or openai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(interrupted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes, one per line from 0 (keep them with --classes FILE):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s answer: a file, or - for standard input (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image the answer is about (only its size is read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original image&apos;s size instead of --image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give --image or --size, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli boxes [options] [FILE|-]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format %1 needs the image size: give --image or --size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model that wrote the answer, e.g. qwen2.5-vl-72b-instruct (default: unknown; the syntax decides the space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pixel budget the image was resized with for the model (default: the model&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-pixels needs a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the answer “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the image “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size must be WIDTHxHEIGHT in pixels, e.g. 1920x1080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the boxes and points of a model answer onto its image and save it as PNG, at the image&apos;s own resolution with EXIF orientation applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image the answer is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli render --image PATH [--text FILE|-] --output OUT.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detections drawn: %1 (space %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the numbers as norm1000 (0..1000 of the image), absolute (pixels of the original image) or abs-resized:WxH (pixels of the model&apos;s input of that size) instead of the model&apos;s space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--space must be norm1000, absolute or abs-resized:WxH (e.g. abs-resized:1036x756).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot work out the size of the model&apos;s input for a %1×%2 image; give it with --space abs-resized:WxH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1 cannot switch thinking (%2); --thinking is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it always thinks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not think</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers only as a stream: leave out --no-stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 thinks before it answers, and a thinking answer comes only as a stream: leave out --no-stream, or add --thinking off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 thinks before every answer, and a thinking answer comes only as a stream: leave out --no-stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on or off: let a model that can switch thinking reason before it answers (default: the model&apos;s own).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most tokens a thinking model may reason for (thinking_budget).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after this many seconds without data (default 190).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--thinking must be on or off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(cut off by the server at its time limit: the answer is incomplete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the models, their patch size, pixel budget and coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAMILY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIN PX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAX PX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CEILING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPACE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THINKING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* coordinate space seen by third parties, not documented; the app checks the size the server used with every reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the models of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the models: the built-in list merged with your models file (%1), or the models an OpenAI-compatible server serves itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the models of the OpenAI-compatible server at this base URL (e.g. http://127.0.0.1:8000/v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list legacy models, kept for old conversations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a JSON array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli models [--profile NAME] [--endpoint URL] [--all] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output names a folder: give --image so the file can be named after it, or a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the boxes and points in a model answer and print them.

With --image or --size, coordinates are pixels of the original image as a person sees it (EXIF orientation applied), clamped to it. Without them nothing can be mapped: coordinates stay in the model&apos;s own space (0..1000, or pixels of the model&apos;s input), corners in order, not clamped, and &quot;image&quot; is null; coco, labelme, voc and yolo need an image size.

With --output the file goes into a data set&apos;s folder (a folder: named after the image): YOLO classes are numbered by the folder&apos;s classes.txt, which new classes are added to, so class numbers stay the same across images, runs and the app&apos;s exports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>json (default), coco, labelme, voc or yolo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yolo: the class list file to number classes by; new classes are added to it (default with --output: classes.txt in the output&apos;s folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coco, labelme, voc, yolo: write the file here (a file, or a data set&apos;s folder) instead of printing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be json, coco, labelme, voc or yolo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output writes coco, labelme, voc or yolo; json is printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score predictions against ground truth: per image, per label and overall true and false positives, misses, precision, recall, F1 and mean IoU, and COCO-style AP@0.5 and AP@[.5:.95] when every prediction has a score.

PRED and TRUTH are files or folders of COCO JSON, LabelMe JSON, Pascal VOC XML, YOLO labels (with classes.txt; the images beside them or in --images give their size) or the JSON that boxes and ask --json print. Images are paired by file name without folder and extension. Predictions and ground truth are matched per label, one to one, the highest IoU first; a point counts as found inside a ground-truth box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The predictions: a file or a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ground truth: a file or a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IoU a prediction needs to match (default 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A synonym table: one class per line, its names separated by commas (&quot;dog, 狗, 犬&quot;), or a JSON object {&quot;dog&quot;: [&quot;狗&quot;]}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How labels compare: loose (default: case and spaces do not count) or exact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where YOLO label files find their images (they are also looked for beside the labels and in images/ next to labels/).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the figures as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--label-match must be loose or exact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>IoU threshold %1 · %n image(s)</source>
        <translation>
            <numerusform>IoU threshold %1 · %n image</numerusform>
            <numerusform>IoU threshold %1 · %n images</numerusform>
        </translation>
    </message>
    <message>
        <source>No AP: not every prediction has a score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli eval --pred PRED --truth TRUTH [--iou 0.5] [--labels MAP] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--iou must be a number above 0 and at most 1, e.g. 0.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not scored, no ground truth for %n image(s): %1</source>
        <translation>
            <numerusform>Not scored, no ground truth for %n image: %1</numerusform>
            <numerusform>Not scored, no ground truth for %n images: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The ground truth holds no images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score predictions against ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL overriding the profile&apos;s (default: DASHSCOPE_HTTP_BASE_URL, or OPENAI_BASE_URL for --protocol openai).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no saved conversation “%1”. Run “history list” to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is the beginning of %2 conversation ids; give more of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved conversations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved conversation contains “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli history export ID…|--all --format json|markdown --output PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversations the app saved.

  list                    every conversation, newest first
  search TERM…            conversations whose title or messages contain every term (any script, Chinese too)
  show ID                 one conversation as Markdown (--json: every stored field)
  export ID…|--all --format json|markdown --output PATH
                          a bundle with the original images (json), or Markdown with an images folder (one ID: PATH is the .md file; several or --all: PATH is a folder)
  import FILE             adds the conversations of a bundle; never overwrites, all or nothing

An ID may be shortened to a unique beginning of at least 4 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, search, show, export or import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, search, show: print JSON instead of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: every conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: json (default) or markdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: the file or folder to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli history list|search TERM…|show ID|export ID…|import FILE (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no job &apos;%1&apos; (or the prefix names more than one). Run &apos;qwenvl-desk-cli batch list&apos; to see the jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 images answered, %4 failed, %5 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON on standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground every image of a folder (and its subfolders) with one prompt, through DashScope&apos;s Batch API at half price or one request per image (direct mode). Prints the job&apos;s id; the job goes on on the server&apos;s side: follow it with &apos;batch status --wait&apos; and store its results with &apos;batch fetch&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question for every image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model (default: the profile&apos;s default model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A base URL for this job instead of the profile&apos;s (the key goes only where it belongs, as with &apos;ask&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch (DashScope&apos;s Batch API) or direct (one request per image). Default: batch for DashScope, direct for other servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct mode: requests at a time (default 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send without asking to confirm the estimate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one folder and --prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--concurrency takes a number from 1 to 64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mode takes batch or direct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading images: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send? [y/N] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the batch jobs, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a job&apos;s state and item counts, asking the server about running batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job&apos;s id or its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until no batch of the job runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between two status requests (at least 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--poll takes a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a job&apos;s answered images as a data set folder, the images named relative to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coco, labelme or yolo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one job, --format coco|labelme|yolo and --output DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 images and %2 annotations to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli batch &lt;submit|list|status|fetch|cancel|export&gt; [options]
  submit FOLDER --prompt TEXT [--model ID] [--profile NAME] [--endpoint URL]
         [--mode batch|direct] [--concurrency N] [--yes] [--json]
  list [--json]
  status JOB [--wait] [--poll SECONDS] [--json]
  fetch JOB     download, store and clean up what has ended
  cancel JOB    stop the job; what was answered is kept
  export JOB --format coco|labelme|yolo --output DIR
Run &apos;qwenvl-desk-cli batch &lt;action&gt; --help&apos; for an action&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run every step of the job that can run now: ask the server about running batches, download and store what has ended, delete the job&apos;s files from the account, send what direct mode has left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the job: nothing more is sent, running batches are asked to stop, and what they finished is still stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown batch action &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground a folder of images as a job (Batch API or direct); export it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionReport</name>
    <message>
        <source>Connected. The server accepted the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected. The server answers without an API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but the server rejected the API key. DashScope keys belong to one region: check that the key was created for this endpoint&apos;s region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so the connection was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy did not let the connection through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <extracomment>%1 is the server&apos;s own message, %2 its error code</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server redirected the request to another address. Redirects are never followed, so the key went nowhere else: check the address of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointProfile</name>
    <message>
        <source>A profile name may only use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of profile &apos;%1&apos; is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; uses http:// with the remote host %2; only https:// is allowed except for servers on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of profile &apos;%1&apos; must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy of profile &apos;%1&apos; needs a host and a port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DashScope (China, Beijing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DashScope (International, Singapore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DashScope (US, Virginia)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to QwenVL Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where your requests go and enter your API key. The key is kept in your system&apos;s keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a key in the Alibaba Cloud Model Studio console. Keys belong to one region: a key from Beijing does not work in Singapore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image &amp;Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About QwenVL Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Last Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write a Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;All Conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mport Conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch Jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground every image of a folder through the Batch API or one request per image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewJobDialog</name>
    <message>
        <source>New Batch Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include &amp;subfolders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;types:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name extensions separated by spaces or commas; empty: every image type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests at a &amp;time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct mode: how many images are asked about at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Before anything is sent&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Estimate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm and Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>I&amp;dentifier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, dot, underscore and dash; names the keychain entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DashScope (native API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This endpoint needs an API &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Stored Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default endpoint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat with Qwen-VL models about your images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images to attach to the chat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ActiveEndpoint</name>
    <message>
        <source>Cannot send: there is no API key for “%1”. Add one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot send yet: no model server is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ApiError</name>
    <message>
        <source>Could not reach the model server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server stopped sending data and the request timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the model server failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server sent a reply this app cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key was rejected. Check the key, and that it belongs to the region of the endpoint: keys from the Beijing region do not work on the international endpoint, and the other way round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is in arrears. Top up or settle the bill in the Alibaba Cloud console, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content safety check rejected the input or the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests or the quota is used up. Wait a little and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is not available on this endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access was denied. The account or workspace may not have this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server had a problem. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server returned an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server (HTTP %1, %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was stopped because it went past a limit of this app. The text received until then is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with a redirect, which is never followed. Check the address of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server redirected the request to %1. Requests are never sent on to another address, so nothing went there. Check the address of the profile.</source>
        <extracomment>%1 is where the server pointed, e.g. https://example.com</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ApiKeyField</name>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one small request that costs no tokens and show the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ApiKeyVault</name>
    <message>
        <source>The key is kept in memory for this session only: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::AskSeveralDialog</name>
    <message>
        <source>Ask several models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question goes to each of these models at once (at most %1). Their answers arrive side by side, each with its boxes, and the boxes are paired in one table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to send it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::AskTarget</name>
    <message>
        <source>Choose at least one model to ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model for every row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot send to “%1”: the profile cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot send to “%1”: there is no API key for it. Add one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::AttachmentSource</name>
    <message>
        <source>pasted image.%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted image.png</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::AttachmentTile</name>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, being prepared</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1×%2 · %n token(s)</source>
        <extracomment>W×H the model sees, and the image tokens it costs; shown under a thumbnail</extracomment>
        <translation>
            <numerusform>%1×%2 · %n token</numerusform>
            <numerusform>%1×%2 · %n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
Original %2×%3, sent as %4×%5 (about %n image token(s))</source>
        <translation>
            <numerusform>%1
Original %2×%3, sent as %4×%5 (about %n image token)</numerusform>
            <numerusform>%1
Original %2×%3, sent as %4×%5 (about %n image tokens)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>accessible name of a composer image: its file name, then its size and tokens</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::BatchFlow</name>
    <message>
        <source>%1 Trying again in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work folder “%1” cannot be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is asked at most once a minute; the next status check is due in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch file “%1” cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch file “%1” is shorter than recorded; it was changed outside the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n image(s) for batch file %1…</source>
        <translation>
            <numerusform>Preparing %n image for batch file %1…</numerusform>
            <numerusform>Preparing %n images for batch file %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch file %1 is full; continuing in batch file %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Uploading batch file %1 (%n line(s), %2)…</source>
        <translation>
            <numerusform>Uploading batch file %1 (%n line, %2)…</numerusform>
            <numerusform>Uploading batch file %1 (%n lines, %2)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking whether batch file %1 reached the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Batch %1 created for batch file %2 (%n request(s)).</source>
        <translation>
            <numerusform>Batch %1 created for batch file %2 (%n request).</numerusform>
            <numerusform>Batch %1 created for batch file %2 (%n requests).</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is busy (429); creating the batch again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether the batch of batch file %1 was created…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Batch API refused batch file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1: %2, %3 of %4 requests done, %5 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling batch %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the results of batch %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the errors of batch %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the answers of batch %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of batch file %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch expired before this image was answered; retry it as a new batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch was cancelled before this image was answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch failed before it ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch failed before it ran: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch is no longer on the server; its answers are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch ended without an answer for this image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Batch API does not take the model %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::BatchJobs</name>
    <message>
        <source>Looking up the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failed images to retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::BatchSupport</name>
    <message>
        <source>The Batch API takes vision models only in the Beijing region (dashscope.aliyuncs.com); Singapore&apos;s takes text models only. Use a Beijing profile, or send the images one by one (direct mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers only as a stream, which the Batch API does not do. Choose another model, or use direct mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not among the vision models the Batch API documentation lists; the server will say whether it takes it (model_not_found if not).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::BatchText</name>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in a batch file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::BatchWindow</name>
    <message>
        <source>Wrote %1 images and %2 annotations to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::BoxEditor</name>
    <message>
        <source>Move box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relabel box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the answer&apos;s boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use as ground truth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::BundleImage</name>
    <message>
        <source>it is not an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a damaged image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has more pixels than the app takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a damaged image (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no valid SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its data is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its bytes do not match its SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ChatBackend</name>
    <message>
        <source>The reply holds the control character %1 at byte %2, which JSON does not allow.</source>
        <extracomment>%1 is a byte value such as 0x00, %2 a position in bytes</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ChatPane</name>
    <message>
        <source>Drop or paste images here, then ask about them in any language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ChatTurn</name>
    <message numerus="yes">
        <source>No data for %n second(s).</source>
        <translation>
            <numerusform>No data for %n second.</numerusform>
            <numerusform>No data for %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection closed before the answer was complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line or event of the stream was larger than %1 MiB, the most one may have.</source>
        <extracomment>%1 is a size in MiB, e.g. &quot;8&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>The request took longer than %1, the longest one request may take.</source>
        <extracomment>%1 is a duration, e.g. &quot;30 minutes&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was larger than %1 MiB, the most a reply that is not streamed may have.</source>
        <extracomment>%1 is a size in MiB, e.g. &quot;16&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer reached %1 MiB of text, the most one answer may have.</source>
        <extracomment>%1 is a size in MiB, e.g. &quot;4&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ChatView</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ClassList</name>
    <message>
        <source>Could not read the class list “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the class list “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::CocoImport</name>
    <message>
        <source>It is not a COCO file: there is no &quot;images&quot; or &quot;annotations&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation %1 was skipped: it has no bbox or no image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ComparePanel</name>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers to this question next to each other, each with its boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boxes of the two answers, paired by IoU</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::Composer</name>
    <message>
        <source>Add Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend the edited message?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending the edited message drops the %n message(s) after it. This cannot be undone.</source>
        <translation>
            <numerusform>Sending the edited message drops the %n message after it. This cannot be undone.</numerusform>
            <numerusform>Sending the edited message drops the %n messages after it. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask about your images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model (type any model id the endpoint serves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt, temperature and other settings of this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc stops the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or Ctrl+Enter sends · Shift+Enter new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Editing a sent message. Resending it drops the %n message(s) after it.</source>
        <translation>
            <numerusform>Editing a sent message. Resending it drops the %n message after it.</numerusform>
            <numerusform>Editing a sent message. Resending it drops the %n messages after it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Images to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as %1</source>
        <extracomment>The model picker&apos;s neighbour for a local server&apos;s model: how its boxes are read</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family decides how this model&apos;s boxes are read and how its images are sized. It is guessed from the model&apos;s name; choose another if its boxes look off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess from the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Several…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this question to several models at once and compare their answers and boxes side by side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ConnectionTester</name>
    <message>
        <source>Redirected to %1</source>
        <extracomment>%1 is where the server pointed, e.g. https://example.com</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ConversationListPane</name>
    <message>
        <source>New Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::CostEstimate</name>
    <message>
        <source>About %1 input tokens: %2 for the images at the sizes the model will see, %3 for the prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the Batch API&apos;s half price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the real-time price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input: about %1 %2 %3; answers: %4 %2 per million tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price is known for this model: add it to the price list (prices.json) to see the cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln copy(s) of another image, sent once.</source>
        <translation>
            <numerusform>%Ln copy of another image, sent once.</numerusform>
            <numerusform>%Ln copies of another image, sent once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) not readable as images.</source>
        <translation>
            <numerusform>%Ln file not readable as an image.</numerusform>
            <numerusform>%Ln files not readable as images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) to send</source>
        <translation>
            <numerusform>%Ln image to send</numerusform>
            <numerusform>%Ln images to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, from %Ln file(s) found.</source>
        <translation>
            <numerusform>, from %Ln file found.</numerusform>
            <numerusform>, from %Ln files found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qvd::DatasetReader</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such file or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two images are called “%1” (%2 and %3); images are paired by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder holds no annotation files (.json, .xml, .txt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the same images are also in other formats; not read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON is damaged at byte %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is neither COCO, LabelMe nor the detections JSON of qwenvl-desk-cli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YOLO coordinates are fractions of the image size, and no image called “%1” was found beside the labels, in an images folder or in the image folder given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::DatasetWriter</name>
    <message>
        <source>The annotated image could not be encoded as PNG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YOLO labels need the image&apos;s size, which is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::DeskSession</name>
    <message>
        <source>Could not list the server&apos;s models: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::DetectionExporter</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COCO JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LabelMe JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YOLO labels (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pascal VOC XML (*.xml)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::DetectionJsonImport</name>
    <message>
        <source>It is not the detections JSON of qwenvl-desk-cli boxes or ask --json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordinates are in the model&apos;s own space, not pixels: run boxes with --image or --size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection %1 has no kind or corners (x1, y1, x2, y2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The detections mark more than one image; give one file per image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image was given by URL, so its size and the detections&apos; pixels are not known.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::DetectionTable</name>
    <message>
        <source>Hide this detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide all «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter detections by label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <extracomment>Button with a menu that shows or hides the boxes of each label</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::DetectionTableModel</name>
    <message>
        <source>From the answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Detection kind column: box, point or quad</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntax</source>
        <extracomment>Column: the format the model wrote the box in (JSON, tags…)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box</source>
        <extracomment>Detection kind</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point</source>
        <extracomment>Detection kind</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quad</source>
        <extracomment>Detection kind: a four-cornered polygon</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qwen-VL tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qwen2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML data-bbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bare pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no label)</source>
        <extracomment>Shown for a box the model gave no label</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bare arrays</source>
        <extracomment>an answer that is only [x1, y1, x2, y2] arrays, without keys or labels</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::DirectFlow</name>
    <message numerus="yes">
        <source>Sending %n image(s), %1 at a time…</source>
        <translation>
            <numerusform>Sending %n image, %1 at a time…</numerusform>
            <numerusform>Sending %n images, %1 at a time…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s (attempt %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped the answer at its time limit; retry the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 images answered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ExportJobDialog</name>
    <message>
        <source>Choose the folder the data set is written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COCO (one JSON file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LabelMe (one JSON file per image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YOLO (one text file per image and classes.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data set folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Formats:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ExportReport</name>
    <message>
        <source>The export was stopped; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 conversation(s) with %2 message(s) and %3 image(s) to “%4”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 original image(s) were missing from the history; their boxes are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::FirstRunDialog</name>
    <message>
        <source>sk-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server needs no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip for Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can enter the key later in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::HistoryImport</name>
    <message>
        <source>its “%1” is larger than %2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 is larger than %2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::HistoryStore</name>
    <message>
        <source>The history file was damaged and could not be read. It was kept as “%1” and a new, empty history was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history file was damaged and was kept as “%1”. A new history could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::HistoryTransferController</name>
    <message>
        <source>The history is not open yet; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation is not saved yet: it is saved when its first answer ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QwenVL Desk history with images (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown with an images folder (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export All Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting all conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QwenVL Desk history (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History Transfer Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ImageError</name>
    <message>
        <source>Cannot read “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an image in a supported format (JPEG, PNG, WebP, BMP, GIF or TIFF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” looks like an image but is damaged and cannot be decoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too large to open safely: %2×%3 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too large to open: %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too long and thin for the model: %2×%3 pixels (at most 200:1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be made small enough to send (limit %2 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is empty (0 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ImageFetcher</name>
    <message>
        <source>Could not download “%1” (only http and https addresses are fetched).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not download “%1” (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ImageScan</name>
    <message>
        <source>The folder “%1” does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an image that can be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too long and narrow to send (%2×%3 pixels).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ImageStore</name>
    <message>
        <source>The original image “%1” is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original image “%1” is damaged and cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ImportReport</name>
    <message>
        <source>The import was stopped; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 conversation(s): %2 new, %3 continued, %4 added as copies; %5 already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages imported: %1. Images imported: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– image %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– conversation “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::InspectOnlyWindow</name>
    <message>
        <source>Open image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) found in the answer.</source>
        <translation>
            <numerusform>%n detection found in the answer.</numerusform>
            <numerusform>%n detections found in the answer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspect an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model that wrote the answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown (guess from the format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste the model&apos;s answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: ```json [{&quot;bbox_2d&quot;: [10, 20, 300, 400], &quot;label&quot;: &quot;cat&quot;}] ```</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::InspectorLayers</name>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the boxes of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · answer %2</source>
        <extracomment>Compare list: the model that wrote an answer, and the answer&apos;s number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) found by both</source>
        <translation>
            <numerusform>%n pair found by both</numerusform>
            <numerusform>%n pairs found by both</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 only: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which image?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” holds %n image(s), none called “%2”. Which one is this image?</source>
        <translation>
            <numerusform>“%1” holds %n image, none called “%2”. Which one is this image?</numerusform>
            <numerusform>“%1” holds %n images, none called “%2”. Which one is this image?</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” holds no annotations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ground truth was made for a %1×%2 copy of this image; its boxes were scaled to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n other image(s) of this conversation got their ground truth too.</source>
        <translation>
            <numerusform>%n other image of this conversation got its ground truth too.</numerusform>
            <numerusform>%n other images of this conversation got their ground truth too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) were skipped: %1</source>
        <translation>
            <numerusform>%n object was skipped: %1</numerusform>
            <numerusform>%n objects were skipped: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Load ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations (*.json *.xml *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load ground truth from a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New box “%1”: press F2 to rename it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move and resize boxes by their edges and corners, draw new ones, Delete removes, F2 renames. The answer&apos;s text is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the answer&apos;s boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GT %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::InspectorPane</name>
    <message>
        <source>No image selected.
Boxes and points the model names appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <extracomment>Zoom so the whole image fits the view</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole image in the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1:1</source>
        <extracomment>Zoom to 100 %: one image pixel per screen pixel</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size (100 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask about a region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a rectangle or click a point on the image to ask the model about it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the image or the detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotated image (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detections as COCO JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detections as LabelMe JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detections as YOLO labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image with detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(drawn by you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detections</source>
        <extracomment>Inspector tab: the boxes of the answer shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <extracomment>Inspector tab: the answer against another answer</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::JobBrowser</name>
    <message numerus="yes">
        <source>, %n detection(s)</source>
        <translation>
            <numerusform>, %n detection</numerusform>
            <numerusform>, %n detections</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label the images are filtered by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::JobExport</name>
    <message>
        <source>There is no job %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder “%1” cannot be made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::JobListModel</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::JobPlan</name>
    <message>
        <source>There are no images in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before every image was read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::JobRunner</name>
    <message>
        <source>There is no job %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 is being worked on by another window or command; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::JobTarget</name>
    <message>
        <source>There is no profile named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key for profile &apos;%1&apos;. Store one in the settings, or with: qwenvl-desk-cli key set --profile %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::LabelMeImport</name>
    <message>
        <source>It is not a LabelMe file: there is no &quot;shapes&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape %1 (“%2”, %3) was skipped: it marks no area.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::LabelRule</name>
    <message>
        <source>Cannot read the label table “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON is damaged at byte %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds no names.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::MainWindow</name>
    <message>
        <source>About QwenVL Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;QwenVL Desk %1&lt;/h3&gt;&lt;p&gt;A desktop client for the Qwen-VL vision-language models.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cannot open %n file(s): %1</source>
        <translation>
            <numerusform>Cannot open %n file: %1</numerusform>
            <numerusform>Cannot open %n files: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Inspect an Answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some entries of your models file were skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::MarkdownWriter</name>
    <message>
        <source>*(image “%1” is missing)*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinate space: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::MemorySecretStore</name>
    <message>
        <source>memory (this session only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::MessageLayout</name>
    <message>
        <source>%1 in · %2 out · %3 image tokens</source>
        <extracomment>token usage under an answer: input, output, and how many of the input were images</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cut off at the token limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▾ Thought process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▸ Thought process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(interrupted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer could not be completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <extracomment>while the question and its images are uploaded: &quot;Sending 1.2 MB of 3.4 MB…&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(cut off by the server at its time limit)</source>
        <extracomment>the server ended a non-streamed answer at its time limit; the text is incomplete</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ModelListReader</name>
    <message>
        <source>not valid JSON (%1 at column %2); nothing of this file is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model list must be a JSON object; nothing of this file is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must be a list; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry of “%1” must be an object; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry without “%1”; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid regular expression (%2); it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has an unknown field “%2”; the entry is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” needs a “family”; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has an unknown family “%2”; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has an invalid “%2”; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: the pixel budget must grow from the minimum to the maximum and the ceiling (%2 ≤ %3 ≤ %4); it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ModelRegistry</name>
    <message>
        <source>Cannot read the model list “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::NewJobDialog</name>
    <message>
        <source>Folder of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the prompt every image is asked with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the images: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch API (half price, runs on the server&apos;s side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct (one request per image, real time)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::PairTableModel</name>
    <message>
        <source>Both</source>
        <extracomment>Comparison table: a box both answers found</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point in box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found by</source>
        <extracomment>Comparison table column: found by both answers, or by one of them</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ParametersPopup</name>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top &amp;p:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Max tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions for the whole conversation (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <extracomment>shown in a number field when nothing is sent and the server&apos;s default applies</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;High-resolution images (up to 16,384 tokens each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High-resolution images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These settings belong to this conversation and apply to the next message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — always thinks before it answers</source>
        <extracomment>picker tooltip: %1 = model name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — thinks unless switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — can think when switched on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;hinking:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking &amp;budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: reason before answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always (this model cannot switch it off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model thinks before every answer; its answers stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model default (on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A thinking answer always streams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model default (off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available for this model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::PreparedItem</name>
    <message>
        <source>“%1” changed after the job was made; it was not sent. Start a new job for the folder to include it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not fit in one batch line (at most %2 bytes) even at the smallest size allowed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::PriceTable</name>
    <message>
        <source>The price list “%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price list “%1” is not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price of %1 in “%2” is negative.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ProfileEditor</name>
    <message>
        <source>The stored key will be removed when you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is stored in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key comes from the %1 environment variable.</source>
        <extracomment>%1 is an environment variable, e.g. DASHSCOPE_API_KEY</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ProfileStatus</name>
    <message>
        <source>checking the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key in %1</source>
        <extracomment>%1 is the keychain, e.g. &quot;Secret Service&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <extracomment>Status bar: endpoint · model · where the API key is</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key from %1</source>
        <extracomment>%1 is an environment variable, e.g. DASHSCOPE_API_KEY</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ProfilesPage</name>
    <message>
        <source>%1 (built-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another profile already uses the identifier &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a DashScope or OpenAI-compatible endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint profiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::RegionChip</name>
    <message>
        <source>▭ Region %1</source>
        <extracomment>a chip in the composer for a region marked on an image; %1 numbers them</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent with your message as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove region %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::SecretStore</name>
    <message>
        <source>No key is stored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the system keychain was denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 is a sentence of ours, %2 the keychain&apos;s own explanation</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::ServerModelList</name>
    <message>
        <source>The server&apos;s model list is not an OpenAI-compatible &quot;data&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::SettingsDialog</name>
    <message>
        <source>Same as the system</source>
        <extracomment>Language choice: follow the operating system&apos;s language</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::SideBySideWindow</name>
    <message>
        <source>(answer removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n box</numerusform>
            <numerusform>%n boxes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) found by both</source>
        <translation>
            <numerusform>%n pair found by both</numerusform>
            <numerusform>%n pairs found by both</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 only: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boxes of the first answer against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boxes of two answers, paired by IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image with the answer&apos;s boxes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::SpaceBadge</name>
    <message>
        <source>0–1000 of the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixels of the resized input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixels of the %1×%2 input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as %1 writes them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usual for this format; model not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values above 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0–1000</source>
        <extracomment>Short coordinate space name: relative 0..1000</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×%2 input px</source>
        <extracomment>Short coordinate space name: pixels of the model&apos;s W×H input</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original px</source>
        <extracomment>Short coordinate space name: pixels of the original image</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format default</source>
        <extracomment>Short reason: the default of the answer&apos;s format</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values &gt; 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as 0–1000 of the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as original pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinate space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinates: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the model&apos;s numbers are read appears here once an answer has boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinates: %1 · %2</source>
        <extracomment>Badge, kept short: %1 = coordinate space, %2 = why it was chosen</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed by the server</source>
        <extracomment>on the coordinate badge: the reply&apos;s image-token count fits the size sent</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server resized to %1×%2</source>
        <extracomment>on the coordinate badge: the server resized the image again, to W×H</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s numbers are read as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s image-token count confirms it saw the image at %1×%2, as sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s image-token count shows it resized the %1×%2 image sent to %3×%4; pixel coordinates are mapped with its size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the boxes look off, pick another reading here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::StorageError</name>
    <message>
        <source>The disk is full: “%1” could not be saved. Everything saved before is kept; free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be written (the folder or file is read-only). Nothing was changed; everything saved before is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be opened or created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history “%1” was written by a newer version of QwenVL Desk. It was not opened and not changed; please update the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is in use by another program; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a QwenVL Desk history file or is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading or writing “%1” failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::SynonymDialog</name>
    <message>
        <source>Label synonyms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names that mean the same class, one group per line, separated by commas; the first names the class. For example: dog, 狗, 犬</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::TruthForImage</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::TruthPanel</name>
    <message>
        <source>Load ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read ground truth for this image: COCO or LabelMe JSON, YOLO labels or Pascal VOC XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the ground truth of this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the ground truth over the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the boxes shown as ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer&apos;s boxes as shown (with your corrections) become the ground truth of this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU at least</source>
        <extracomment>Scoring: a prediction and a ground-truth box match at this overlap or more</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore case and spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly as written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synonyms…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True positives: boxes shown that match a ground-truth object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False positives: boxes shown that match none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False negatives: ground-truth objects no box matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean IoU of the matched boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ground truth for this image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground truth from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scores compare the boxes shown (with your corrections) with the ground truth. Unmatched boxes are framed in red on the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed</source>
        <extracomment>Ground-truth list: whether a box shown matched this object</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::UndoBar</name>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::VocImport</name>
    <message>
        <source>It is not a Pascal VOC file: there is no &lt;annotation&gt; element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1 has no complete &lt;bndbox&gt; (xmin, ymin, xmax, ymax).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XML is damaged at line %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qvd::YoloImport</name>
    <message>
        <source>Line %1 is not “class x_centre y_centre width height”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
