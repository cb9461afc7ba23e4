<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BatchWindow</name>
    <message>
        <source>Batch Jobs</source>
        <translation>批量任务</translation>
    </message>
    <message>
        <source>&amp;New Job…</source>
        <translation>新建任务(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Carry the job on: ask about its batches, store their results, send what is left.</source>
        <translation>继续执行任务：查询其批次状态，保存结果，发送剩余部分。</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>取消任务(&amp;C)</translation>
    </message>
    <message>
        <source>Send nothing more; running batches are asked to stop, and what they finished is kept.</source>
        <translation>不再发送任何内容；请求正在运行的批次停止，已完成的结果会保留。</translation>
    </message>
    <message>
        <source>Retry &amp;Failed</source>
        <translation>重试失败项(&amp;F)</translation>
    </message>
    <message>
        <source>Send the failed and cancelled images again, as a new batch.</source>
        <translation>将失败和已取消的图片作为新批次重新发送。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>No batch jobs yet. Choose New Job… to find things in a whole folder of images.</source>
        <translation>还没有批量任务。选择“新建任务…”，在整个文件夹的图片中查找目标。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Send images and a question to a model; stream the answer</source>
        <translation>向模型发送图片和问题，流式输出回答</translation>
    </message>
    <message>
        <source>Find the boxes and points in a model answer</source>
        <translation>找出模型回答中的框和点</translation>
    </message>
    <message>
        <source>Draw detections onto an image</source>
        <translation>把检测结果画到图片上</translation>
    </message>
    <message>
        <source>Set, check or delete the API key in the keychain</source>
        <translation>设置、查看或删除钥匙串中的 API 密钥</translation>
    </message>
    <message>
        <source>Search, export and import saved conversations</source>
        <translation>搜索、导出和导入已保存的对话</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Command-line front end of QwenVL Desk.</source>
        <translation>QwenVL Desk 的命令行界面。</translation>
    </message>
    <message>
        <source>The command to run (see above).</source>
        <translation>要运行的命令（见上）。</translation>
    </message>
    <message>
        <source>The command &apos;%1&apos; is not available in this version yet.</source>
        <translation>此版本尚未提供命令“%1”。</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Run with --help to see the commands.</source>
        <translation>未知命令“%1”。使用 --help 查看可用命令。</translation>
    </message>
    <message>
        <source>Paste the API key and press Enter (it is not shown):</source>
        <translation>粘贴 API 密钥后按 Enter（输入不会显示）：</translation>
    </message>
    <message>
        <source>Manage the API key of an endpoint profile.</source>
        <translation>管理端点配置的 API 密钥。</translation>
    </message>
    <message>
        <source>set, status or delete</source>
        <translation>set、status 或 delete</translation>
    </message>
    <message>
        <source>The endpoint profile (default: the default profile).</source>
        <translation>端点配置（默认：默认配置）。</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli key set|status|delete [--profile NAME]</source>
        <translation>用法：qwenvl-desk-cli key set|status|delete [--profile 名称]</translation>
    </message>
    <message>
        <source>There is no profile named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的配置。</translation>
    </message>
    <message>
        <source>No key was given on standard input.</source>
        <translation>标准输入中没有提供密钥。</translation>
    </message>
    <message>
        <source>The key was not saved: %1</source>
        <translation>密钥未保存：%1</translation>
    </message>
    <message>
        <source>Saved the key of profile &apos;%1&apos; in the keychain (%2).</source>
        <translation>已将配置“%1”的密钥保存到钥匙串（%2）。</translation>
    </message>
    <message>
        <source>Deleted the key of profile &apos;%1&apos;.</source>
        <translation>已删除配置“%1”的密钥。</translation>
    </message>
    <message>
        <source>The key comes from %1 and is used for this run only.</source>
        <translation>密钥来自 %1，仅用于本次运行。</translation>
    </message>
    <message>
        <source>No API key for profile &apos;%1&apos;. Store one with: qwenvl-desk-cli key set --profile %1 (it reads the key from standard input), or set %2.</source>
        <translation>配置“%1”没有 API 密钥。请用 qwenvl-desk-cli key set --profile %1 保存一个（从标准输入读取密钥），或设置 %2。</translation>
    </message>
    <message>
        <source>--%1 needs a whole number of at least %2.</source>
        <translation>--%1 需要一个不小于 %2 的整数。</translation>
    </message>
    <message>
        <source>Ask a Qwen-VL model about images.</source>
        <translation>向 Qwen-VL 模型询问图片。</translation>
    </message>
    <message>
        <source>The question.</source>
        <translation>问题。</translation>
    </message>
    <message>
        <source>An image file or http(s) URL; repeat for several.</source>
        <translation>图片文件或 http(s) URL；可重复指定多张。</translation>
    </message>
    <message>
        <source>The model (default: the profile&apos;s, e.g. qwen3-vl-plus).</source>
        <translation>模型（默认：配置中的模型，如 qwen3-vl-plus）。</translation>
    </message>
    <message>
        <source>dashscope or openai (default: the profile&apos;s).</source>
        <translation>dashscope 或 openai（默认：配置中的协议）。</translation>
    </message>
    <message>
        <source>A system prompt.</source>
        <translation>系统提示词。</translation>
    </message>
    <message>
        <source>Wait for the whole answer instead of streaming it.</source>
        <translation>等待完整回答，不进行流式输出。</translation>
    </message>
    <message>
        <source>Retries of throttled or failed requests before any output (default 3).</source>
        <translation>在有任何输出之前，对被限流或失败的请求的重试次数（默认 3）。</translation>
    </message>
    <message>
        <source>Print the model&apos;s thinking to standard error.</source>
        <translation>把模型的思考过程输出到标准错误。</translation>
    </message>
    <message>
        <source>Print one JSON object with the answer at the end.</source>
        <translation>在结束时输出一个包含回答的 JSON 对象。</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli ask [options] PROMPT</source>
        <translation>用法：qwenvl-desk-cli ask [选项] 问题</translation>
    </message>
    <message>
        <source>--protocol must be dashscope or openai.</source>
        <translation>--protocol 必须是 dashscope 或 openai。</translation>
    </message>
    <message>
        <source>(interrupted)</source>
        <translation>（已中断）</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Classes, one per line from 0 (keep them with --classes FILE):</source>
        <translation>类别（每行一个，从 0 开始编号；用 --classes 文件 保存）：</translation>
    </message>
    <message>
        <source>The model&apos;s answer: a file, or - for standard input (the default).</source>
        <translation>模型的回答：一个文件，或用 - 表示标准输入（默认）。</translation>
    </message>
    <message>
        <source>The image the answer is about (only its size is read).</source>
        <translation>回答所针对的图像（只读取其尺寸）。</translation>
    </message>
    <message>
        <source>The original image&apos;s size instead of --image.</source>
        <translation>原图尺寸，可代替 --image。</translation>
    </message>
    <message>
        <source>Give --image or --size, not both.</source>
        <translation>请给出 --image 或 --size，不要同时给出。</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli boxes [options] [FILE|-]</source>
        <translation>用法：qwenvl-desk-cli boxes [选项] [文件|-]</translation>
    </message>
    <message>
        <source>--format %1 needs the image size: give --image or --size.</source>
        <translation>--format %1 需要图像尺寸：请给出 --image 或 --size。</translation>
    </message>
    <message>
        <source>The model that wrote the answer, e.g. qwen2.5-vl-72b-instruct (default: unknown; the syntax decides the space).</source>
        <translation>写出该回答的模型，例如 qwen2.5-vl-72b-instruct（默认：未知，由输出语法决定坐标空间）。</translation>
    </message>
    <message>
        <source>The pixel budget the image was resized with for the model (default: the model&apos;s).</source>
        <translation>为模型缩放图像时使用的像素上限（默认：模型的设置）。</translation>
    </message>
    <message>
        <source>--max-pixels needs a whole number of at least 1.</source>
        <translation>--max-pixels 需要一个不小于 1 的整数。</translation>
    </message>
    <message>
        <source>Cannot read the answer “%1”: %2.</source>
        <translation>无法读取回答“%1”：%2。</translation>
    </message>
    <message>
        <source>Cannot read the image “%1”: %2.</source>
        <translation>无法读取图像“%1”：%2。</translation>
    </message>
    <message>
        <source>--size must be WIDTHxHEIGHT in pixels, e.g. 1920x1080.</source>
        <translation>--size 必须是以像素为单位的 宽x高，例如 1920x1080。</translation>
    </message>
    <message>
        <source>Draw the boxes and points of a model answer onto its image and save it as PNG, at the image&apos;s own resolution with EXIF orientation applied.</source>
        <translation>把模型回答中的框和点画到对应图像上并保存为 PNG，保持图像原分辨率并按 EXIF 方向摆正。</translation>
    </message>
    <message>
        <source>The image the answer is about.</source>
        <translation>回答所针对的图像。</translation>
    </message>
    <message>
        <source>The PNG file to write.</source>
        <translation>要写入的 PNG 文件。</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli render --image PATH [--text FILE|-] --output OUT.png</source>
        <translation>用法：qwenvl-desk-cli render --image 路径 [--text 文件|-] --output 输出.png</translation>
    </message>
    <message>
        <source>Detections drawn: %1 (space %2).</source>
        <translation>已绘制检测结果：%1 个（坐标空间 %2）。</translation>
    </message>
    <message>
        <source>Read the numbers as norm1000 (0..1000 of the image), absolute (pixels of the original image) or abs-resized:WxH (pixels of the model&apos;s input of that size) instead of the model&apos;s space.</source>
        <translation>把坐标按 norm1000（图像的 0..1000 相对值）、absolute（原图像素）或 abs-resized:宽x高（该尺寸的模型输入图像素）解读，而不用模型自身的坐标空间。</translation>
    </message>
    <message>
        <source>--space must be norm1000, absolute or abs-resized:WxH (e.g. abs-resized:1036x756).</source>
        <translation>--space 必须是 norm1000、absolute 或 abs-resized:宽x高（例如 abs-resized:1036x756）。</translation>
    </message>
    <message>
        <source>Cannot work out the size of the model&apos;s input for a %1×%2 image; give it with --space abs-resized:WxH.</source>
        <translation>无法算出 %1×%2 图像对应的模型输入尺寸；请用 --space abs-resized:宽x高 指定。</translation>
    </message>
    <message>
        <source>Note: %1 cannot switch thinking (%2); --thinking is not sent.</source>
        <translation>注意：%1 不能切换深度思考（%2），不会发送 --thinking。</translation>
    </message>
    <message>
        <source>it always thinks</source>
        <translation>它总是先思考</translation>
    </message>
    <message>
        <source>it does not think</source>
        <translation>它不做深度思考</translation>
    </message>
    <message>
        <source>%1 answers only as a stream: leave out --no-stream.</source>
        <translation>%1 只以流式方式回答：请去掉 --no-stream。</translation>
    </message>
    <message>
        <source>%1 thinks before it answers, and a thinking answer comes only as a stream: leave out --no-stream, or add --thinking off.</source>
        <translation>%1 会先思考再回答，而思考的回答只能以流式返回：请去掉 --no-stream，或加上 --thinking off。</translation>
    </message>
    <message>
        <source>%1 thinks before every answer, and a thinking answer comes only as a stream: leave out --no-stream.</source>
        <translation>%1 每次回答前都会思考，而思考的回答只能以流式返回：请去掉 --no-stream。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>on or off: let a model that can switch thinking reason before it answers (default: the model&apos;s own).</source>
        <translation>on 或 off：让可切换深度思考的模型在回答前先推理（默认：模型自身的设置）。</translation>
    </message>
    <message>
        <source>The most tokens a thinking model may reason for (thinking_budget).</source>
        <translation>思考模型最多可用于推理的 token 数（thinking_budget）。</translation>
    </message>
    <message>
        <source>Give up after this many seconds without data (default 190).</source>
        <translation>连续这么多秒没有数据就放弃（默认 190）。</translation>
    </message>
    <message>
        <source>--thinking must be on or off.</source>
        <translation>--thinking 必须是 on 或 off。</translation>
    </message>
    <message>
        <source>(cut off by the server at its time limit: the answer is incomplete)</source>
        <translation>（服务器在时限处截断了回答：回答不完整）</translation>
    </message>
    <message>
        <source>List the models, their patch size, pixel budget and coordinates</source>
        <translation>列出模型及其图块大小、像素预算和坐标空间</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>FAMILY</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>PATCH</source>
        <translation>图块</translation>
    </message>
    <message>
        <source>MIN PX</source>
        <translation>最小像素</translation>
    </message>
    <message>
        <source>MAX PX</source>
        <translation>最大像素</translation>
    </message>
    <message>
        <source>CEILING</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>SPACE</source>
        <translation>坐标空间</translation>
    </message>
    <message>
        <source>THINKING</source>
        <translation>深度思考</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>来源</translation>
    </message>
    <message>
        <source> (legacy)</source>
        <translation>（旧版）</translation>
    </message>
    <message>
        <source>, budget</source>
        <translation>，可设预算</translation>
    </message>
    <message>
        <source>* coordinate space seen by third parties, not documented; the app checks the size the server used with every reply.</source>
        <translation>* 坐标空间来自第三方观察，官方未说明；应用会在每次回复时核对服务器实际使用的图像尺寸。</translation>
    </message>
    <message>
        <source>Cannot list the models of %1: %2</source>
        <translation>无法列出 %1 的模型：%2</translation>
    </message>
    <message>
        <source>List the models: the built-in list merged with your models file (%1), or the models an OpenAI-compatible server serves itself.</source>
        <translation>列出模型：内置列表与你的模型文件（%1）合并的结果，或 OpenAI 兼容服务器自身提供的模型。</translation>
    </message>
    <message>
        <source>List the models of the OpenAI-compatible server at this base URL (e.g. http://127.0.0.1:8000/v1).</source>
        <translation>列出此基础 URL 处 OpenAI 兼容服务器的模型（例如 http://127.0.0.1:8000/v1）。</translation>
    </message>
    <message>
        <source>Also list legacy models, kept for old conversations.</source>
        <translation>同时列出为旧对话保留的旧版模型。</translation>
    </message>
    <message>
        <source>Print a JSON array.</source>
        <translation>输出一个 JSON 数组。</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli models [--profile NAME] [--endpoint URL] [--all] [--json]</source>
        <translation>用法：qwenvl-desk-cli models [--profile 名称] [--endpoint URL] [--all] [--json]</translation>
    </message>
    <message>
        <source>Cannot make the folder “%1”.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
    <message>
        <source>--output names a folder: give --image so the file can be named after it, or a file name.</source>
        <translation>--output 指定的是文件夹：请用 --image 给出图片以便按它命名文件，或给出文件名。</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>Find the boxes and points in a model answer and print them.

With --image or --size, coordinates are pixels of the original image as a person sees it (EXIF orientation applied), clamped to it. Without them nothing can be mapped: coordinates stay in the model&apos;s own space (0..1000, or pixels of the model&apos;s input), corners in order, not clamped, and &quot;image&quot; is null; coco, labelme, voc and yolo need an image size.

With --output the file goes into a data set&apos;s folder (a folder: named after the image): YOLO classes are numbered by the folder&apos;s classes.txt, which new classes are added to, so class numbers stay the same across images, runs and the app&apos;s exports.</source>
        <translation>找出模型回答中的框和点并输出。

给出 --image 或 --size 时，坐标是人眼所见原图（已按 EXIF 方向摆正）的像素，并限制在图像范围内。不给时无法映射：坐标保留在模型自身的坐标空间（0..1000，或模型输入图的像素），只把角点排好顺序、不做限制，&quot;image&quot; 为 null；coco、labelme、voc 和 yolo 需要图像尺寸。

给出 --output 时文件写入数据集文件夹（若为文件夹，则按图片命名）：YOLO 类别按该文件夹的 classes.txt 编号，新类别追加到其中，因此类别编号在各图片、各次运行以及应用的导出之间保持不变。</translation>
    </message>
    <message>
        <source>json (default), coco, labelme, voc or yolo.</source>
        <translation>json（默认）、coco、labelme、voc 或 yolo。</translation>
    </message>
    <message>
        <source>yolo: the class list file to number classes by; new classes are added to it (default with --output: classes.txt in the output&apos;s folder).</source>
        <translation>yolo：用来给类别编号的类别列表文件，新类别会追加进去（使用 --output 时默认为输出文件夹中的 classes.txt）。</translation>
    </message>
    <message>
        <source>coco, labelme, voc, yolo: write the file here (a file, or a data set&apos;s folder) instead of printing it.</source>
        <translation>coco、labelme、voc、yolo：把文件写到这里（文件，或数据集文件夹），而不是输出到屏幕。</translation>
    </message>
    <message>
        <source>--format must be json, coco, labelme, voc or yolo.</source>
        <translation>--format 必须是 json、coco、labelme、voc 或 yolo。</translation>
    </message>
    <message>
        <source>--output writes coco, labelme, voc or yolo; json is printed.</source>
        <translation>--output 只写 coco、labelme、voc 或 yolo；json 会直接输出。</translation>
    </message>
    <message>
        <source>Score predictions against ground truth: per image, per label and overall true and false positives, misses, precision, recall, F1 and mean IoU, and COCO-style AP@0.5 and AP@[.5:.95] when every prediction has a score.

PRED and TRUTH are files or folders of COCO JSON, LabelMe JSON, Pascal VOC XML, YOLO labels (with classes.txt; the images beside them or in --images give their size) or the JSON that boxes and ask --json print. Images are paired by file name without folder and extension. Predictions and ground truth are matched per label, one to one, the highest IoU first; a point counts as found inside a ground-truth box.</source>
        <translation>将预测与标注真值对比打分：按图片、按标签以及总体给出真阳性、假阳性、漏检、精确率、召回率、F1 和平均 IoU；当每个预测都带有分数时，另给出 COCO 式 AP@0.5 和 AP@[.5:.95]。

PRED 和 TRUTH 是 COCO JSON、LabelMe JSON、Pascal VOC XML、YOLO 标签（附 classes.txt；其旁边或 --images 中的图片提供尺寸）或 boxes 与 ask --json 输出的 JSON 的文件或文件夹。图片按不含文件夹和扩展名的文件名配对。预测与真值按标签一对一匹配，IoU 最高者优先；点落在真值框内即算找到。</translation>
    </message>
    <message>
        <source>The predictions: a file or a folder.</source>
        <translation>预测：文件或文件夹。</translation>
    </message>
    <message>
        <source>The ground truth: a file or a folder.</source>
        <translation>标注真值：文件或文件夹。</translation>
    </message>
    <message>
        <source>The IoU a prediction needs to match (default 0.5).</source>
        <translation>预测匹配所需的 IoU（默认 0.5）。</translation>
    </message>
    <message>
        <source>A synonym table: one class per line, its names separated by commas (&quot;dog, 狗, 犬&quot;), or a JSON object {&quot;dog&quot;: [&quot;狗&quot;]}.</source>
        <translation>同义词表：每行一个类别，各名称用逗号分隔（&quot;dog, 狗, 犬&quot;），或一个 JSON 对象 {&quot;dog&quot;: [&quot;狗&quot;]}。</translation>
    </message>
    <message>
        <source>How labels compare: loose (default: case and spaces do not count) or exact.</source>
        <translation>标签的比较方式：loose（默认：不区分大小写、忽略空格）或 exact（完全一致）。</translation>
    </message>
    <message>
        <source>Where YOLO label files find their images (they are also looked for beside the labels and in images/ next to labels/).</source>
        <translation>YOLO 标签文件查找其图片的位置（也会在标签旁边以及与 labels/ 并列的 images/ 中查找）。</translation>
    </message>
    <message>
        <source>Print the figures as JSON.</source>
        <translation>以 JSON 输出各项数值。</translation>
    </message>
    <message>
        <source>--label-match must be loose or exact.</source>
        <translation>--label-match 必须是 loose 或 exact。</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message numerus="yes">
        <source>IoU threshold %1 · %n image(s)</source>
        <translation>
            <numerusform>IoU 阈值 %1 · %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>No AP: not every prediction has a score.</source>
        <translation>无 AP：并非每个预测都带有分数。</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation>平均 IoU</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli eval --pred PRED --truth TRUTH [--iou 0.5] [--labels MAP] [--json]</source>
        <translation>用法：qwenvl-desk-cli eval --pred 预测 --truth 真值 [--iou 0.5] [--labels 同义词表] [--json]</translation>
    </message>
    <message>
        <source>--iou must be a number above 0 and at most 1, e.g. 0.5.</source>
        <translation>--iou 必须是大于 0 且不超过 1 的数，例如 0.5。</translation>
    </message>
    <message numerus="yes">
        <source>Not scored, no ground truth for %n image(s): %1</source>
        <translation>
            <numerusform>未打分，以下 %n 张图片没有标注真值：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The ground truth holds no images.</source>
        <translation>标注真值中没有图片。</translation>
    </message>
    <message>
        <source>Score predictions against ground truth</source>
        <translation>将预测与标注真值对比打分</translation>
    </message>
    <message>
        <source>Base URL overriding the profile&apos;s (default: DASHSCOPE_HTTP_BASE_URL, or OPENAI_BASE_URL for --protocol openai).</source>
        <translation>覆盖配置中基础 URL 的地址（默认：DASHSCOPE_HTTP_BASE_URL；使用 --protocol openai 时为 OPENAI_BASE_URL）。</translation>
    </message>
    <message>
        <source>There is no saved conversation “%1”. Run “history list” to see them.</source>
        <translation>没有已保存的对话“%1”。运行“history list”查看所有对话。</translation>
    </message>
    <message>
        <source>“%1” is the beginning of %2 conversation ids; give more of it.</source>
        <translation>“%1”是 %2 个对话 ID 的开头；请多输入几位。</translation>
    </message>
    <message>
        <source>No saved conversations.</source>
        <translation>没有已保存的对话。</translation>
    </message>
    <message>
        <source>No saved conversation contains “%1”.</source>
        <translation>没有已保存的对话包含“%1”。</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli history export ID…|--all --format json|markdown --output PATH</source>
        <translation>用法：qwenvl-desk-cli history export ID…|--all --format json|markdown --output PATH</translation>
    </message>
    <message>
        <source>Importing… %1%</source>
        <translation>正在导入… %1%</translation>
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
        <translation>应用保存的对话。

  list                    所有对话，最新的在前
  search TERM…            标题或消息中包含所有词语的对话（任何文字，包括中文）
  show ID                 以 Markdown 显示一个对话（--json：所有保存的字段）
  export ID…|--all --format json|markdown --output PATH
                          带原始图片的历史包（json），或带图片文件夹的 Markdown（一个 ID：PATH 为 .md 文件；多个或 --all：PATH 为文件夹）
  import FILE             添加历史包中的对话；从不覆盖，要么全部导入，要么什么都不改

ID 可以缩写为唯一的开头，至少 4 个字符。</translation>
    </message>
    <message>
        <source>list, search, show, export or import</source>
        <translation>list、search、show、export 或 import</translation>
    </message>
    <message>
        <source>list, search, show: print JSON instead of text.</source>
        <translation>list、search、show：输出 JSON 而不是文本。</translation>
    </message>
    <message>
        <source>export: every conversation.</source>
        <translation>export：所有对话。</translation>
    </message>
    <message>
        <source>export: json (default) or markdown.</source>
        <translation>export：json（默认）或 markdown。</translation>
    </message>
    <message>
        <source>export: the file or folder to write.</source>
        <translation>export：要写入的文件或文件夹。</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli history list|search TERM…|show ID|export ID…|import FILE (see --help)</source>
        <translation>用法：qwenvl-desk-cli history list|search TERM…|show ID|export ID…|import FILE（见 --help）</translation>
    </message>
    <message>
        <source>There is no job &apos;%1&apos; (or the prefix names more than one). Run &apos;qwenvl-desk-cli batch list&apos; to see the jobs.</source>
        <translation>没有任务“%1”（或该前缀对应多个任务）。运行 &apos;qwenvl-desk-cli batch list&apos; 查看任务。</translation>
    </message>
    <message>
        <source>%1: %2 of %3 images answered, %4 failed, %5 waiting</source>
        <translation>%1：%3 张图片中已回答 %2 张，失败 %4 张，等待中 %5 张</translation>
    </message>
    <message>
        <source>Print JSON on standard output.</source>
        <translation>在标准输出上打印 JSON。</translation>
    </message>
    <message>
        <source>Ground every image of a folder (and its subfolders) with one prompt, through DashScope&apos;s Batch API at half price or one request per image (direct mode). Prints the job&apos;s id; the job goes on on the server&apos;s side: follow it with &apos;batch status --wait&apos; and store its results with &apos;batch fetch&apos;.</source>
        <translation>用同一个提示词对文件夹（及其子文件夹）中的每张图片做定位，通过 DashScope 的 Batch API（半价）或每张图片一个请求（直接模式）。打印任务 ID；任务在服务器端继续运行：用 &apos;batch status --wait&apos; 跟踪，用 &apos;batch fetch&apos; 保存结果。</translation>
    </message>
    <message>
        <source>The folder of images.</source>
        <translation>图片所在的文件夹。</translation>
    </message>
    <message>
        <source>The question for every image.</source>
        <translation>对每张图片提出的问题。</translation>
    </message>
    <message>
        <source>The model (default: the profile&apos;s default model).</source>
        <translation>模型（默认：配置的默认模型）。</translation>
    </message>
    <message>
        <source>A base URL for this job instead of the profile&apos;s (the key goes only where it belongs, as with &apos;ask&apos;).</source>
        <translation>本任务使用的基础 URL，替代配置中的地址（与 &apos;ask&apos; 相同，密钥只发往它所属的地址）。</translation>
    </message>
    <message>
        <source>batch (DashScope&apos;s Batch API) or direct (one request per image). Default: batch for DashScope, direct for other servers.</source>
        <translation>batch（DashScope 的 Batch API）或 direct（每张图片一个请求）。默认：DashScope 用 batch，其他服务器用 direct。</translation>
    </message>
    <message>
        <source>Direct mode: requests at a time (default 4).</source>
        <translation>直接模式：同时发送的请求数（默认 4）。</translation>
    </message>
    <message>
        <source>Send without asking to confirm the estimate.</source>
        <translation>不询问确认估算，直接发送。</translation>
    </message>
    <message>
        <source>Give one folder and --prompt.</source>
        <translation>请给出一个文件夹和 --prompt。</translation>
    </message>
    <message>
        <source>--concurrency takes a number from 1 to 64.</source>
        <translation>--concurrency 接受 1 到 64 之间的数字。</translation>
    </message>
    <message>
        <source>--mode takes batch or direct.</source>
        <translation>--mode 接受 batch 或 direct。</translation>
    </message>
    <message>
        <source>Reading images: %1 of %2</source>
        <translation>正在读取图片：%1 / %2</translation>
    </message>
    <message>
        <source>Send? [y/N] </source>
        <translation>发送吗？[y/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何内容。</translation>
    </message>
    <message>
        <source>List the batch jobs, newest first.</source>
        <translation>列出批量任务，最新的在前。</translation>
    </message>
    <message>
        <source>Show a job&apos;s state and item counts, asking the server about running batches.</source>
        <translation>显示任务的状态和各项计数，并向服务器查询运行中的批次。</translation>
    </message>
    <message>
        <source>The job&apos;s id or its start.</source>
        <translation>任务 ID 或其开头部分。</translation>
    </message>
    <message>
        <source>Wait until no batch of the job runs.</source>
        <translation>等待直到该任务没有运行中的批次。</translation>
    </message>
    <message>
        <source>Seconds between two status requests (at least 60).</source>
        <translation>两次状态查询之间的秒数（至少 60）。</translation>
    </message>
    <message>
        <source>Give one job.</source>
        <translation>请给出一个任务。</translation>
    </message>
    <message>
        <source>--poll takes a number of seconds.</source>
        <translation>--poll 接受秒数。</translation>
    </message>
    <message>
        <source>Write a job&apos;s answered images as a data set folder, the images named relative to it.</source>
        <translation>将任务中已回答的图片写成数据集文件夹，图片路径相对于该文件夹。</translation>
    </message>
    <message>
        <source>coco, labelme or yolo.</source>
        <translation>coco、labelme 或 yolo。</translation>
    </message>
    <message>
        <source>The data set folder.</source>
        <translation>数据集文件夹。</translation>
    </message>
    <message>
        <source>Give one job, --format coco|labelme|yolo and --output DIR.</source>
        <translation>请给出一个任务、--format coco|labelme|yolo 和 --output DIR。</translation>
    </message>
    <message>
        <source>Wrote %1 images and %2 annotations to %3.</source>
        <translation>已将 %1 张图片和 %2 个标注写入 %3。</translation>
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
        <translation>用法：qwenvl-desk-cli batch &lt;submit|list|status|fetch|cancel|export&gt; [选项]
  submit FOLDER --prompt TEXT [--model ID] [--profile NAME] [--endpoint URL]
         [--mode batch|direct] [--concurrency N] [--yes] [--json]
  list [--json]
  status JOB [--wait] [--poll SECONDS] [--json]
  fetch JOB     下载、保存并清理已结束的部分
  cancel JOB    停止任务；已回答的内容会保留
  export JOB --format coco|labelme|yolo --output DIR
运行 &apos;qwenvl-desk-cli batch &lt;action&gt; --help&apos; 查看某个操作的选项。</translation>
    </message>
    <message>
        <source>Run every step of the job that can run now: ask the server about running batches, download and store what has ended, delete the job&apos;s files from the account, send what direct mode has left.</source>
        <translation>运行任务中现在可以运行的每一步：向服务器查询运行中的批次，下载并保存已结束的结果，从账户中删除任务的文件，发送直接模式剩余的请求。</translation>
    </message>
    <message>
        <source>Cancel the job: nothing more is sent, running batches are asked to stop, and what they finished is still stored.</source>
        <translation>取消任务：不再发送任何内容，请求运行中的批次停止，已完成的部分仍会保存。</translation>
    </message>
    <message>
        <source>Unknown batch action &apos;%1&apos;.</source>
        <translation>未知的 batch 操作“%1”。</translation>
    </message>
    <message>
        <source>Ground a folder of images as a job (Batch API or direct); export it</source>
        <translation>将一个文件夹的图片作为任务进行定位（Batch API 或直接模式）并导出</translation>
    </message>
</context>
<context>
    <name>ConnectionReport</name>
    <message>
        <source>Connected. The server accepted the API key.</source>
        <translation>已连接。服务器接受了 API 密钥。</translation>
    </message>
    <message>
        <source>Connected. The server answers without an API key.</source>
        <translation>已连接。服务器无需 API 密钥即可应答。</translation>
    </message>
    <message>
        <source>Connected, but the server rejected the API key. DashScope keys belong to one region: check that the key was created for this endpoint&apos;s region.</source>
        <translation>已连接，但服务器拒绝了 API 密钥。DashScope 密钥只属于一个地域：请确认该密钥是为此端点所在地域创建的。</translation>
    </message>
    <message>
        <source>The profile cannot be used.</source>
        <translation>此配置无法使用。</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>无法连接到服务器。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so the connection was refused.</source>
        <translation>无法验证服务器证书，因此已拒绝连接。</translation>
    </message>
    <message>
        <source>The proxy did not let the connection through.</source>
        <translation>代理未放行此连接。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时应答。</translation>
    </message>
    <message>
        <source>The server answered with an error.</source>
        <translation>服务器返回了错误。</translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <extracomment>%1 is the server&apos;s own message, %2 its error code</extracomment>
        <translation>服务器：%1（%2）</translation>
    </message>
    <message>
        <source>The server redirected the request to another address. Redirects are never followed, so the key went nowhere else: check the address of the profile.</source>
        <translation>服务器把请求重定向到了另一个地址。重定向从不被跟随，因此密钥没有发往其他地方：请检查配置的地址。</translation>
    </message>
</context>
<context>
    <name>EndpointProfile</name>
    <message>
        <source>A profile name may only use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>配置名称只能包含字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>The address of profile &apos;%1&apos; is not a valid URL.</source>
        <translation>配置“%1”的地址不是有效的 URL。</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; uses http:// with the remote host %2; only https:// is allowed except for servers on this computer.</source>
        <translation>配置“%1”对远程主机 %2 使用了 http://；除本机上的服务器外，只允许 https://。</translation>
    </message>
    <message>
        <source>The address of profile &apos;%1&apos; must start with https://.</source>
        <translation>配置“%1”的地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>The proxy of profile &apos;%1&apos; needs a host and a port.</source>
        <translation>配置“%1”的代理需要主机和端口。</translation>
    </message>
    <message>
        <source>DashScope (China, Beijing)</source>
        <translation>DashScope（中国，北京）</translation>
    </message>
    <message>
        <source>DashScope (International, Singapore)</source>
        <translation>DashScope（国际，新加坡）</translation>
    </message>
    <message>
        <source>DashScope (US, Virginia)</source>
        <translation>DashScope（美国，弗吉尼亚）</translation>
    </message>
    <message>
        <source>Local OpenAI-compatible server</source>
        <translation>本地 OpenAI 兼容服务器</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to QwenVL Desk</source>
        <translation>欢迎使用 QwenVL Desk</translation>
    </message>
    <message>
        <source>Choose where your requests go and enter your API key. The key is kept in your system&apos;s keychain, never in a file.</source>
        <translation>请选择请求发送到的接入点，并输入 API 密钥。密钥保存在系统钥匙串中，绝不会写入文件。</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>接入点(&amp;E)：</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接入点</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Create a key in the Alibaba Cloud Model Studio console. Keys belong to one region: a key from Beijing does not work in Singapore.</source>
        <translation>请在阿里云百炼（Model Studio）控制台创建密钥。密钥属于某一地域：北京地域的密钥不能用于新加坡。</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation>对话列表(&amp;C)</translation>
    </message>
    <message>
        <source>Image &amp;Inspector</source>
        <translation>图片检查器(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;About QwenVL Desk</source>
        <translation>关于 QwenVL Desk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy Last Answer</source>
        <translation>复制最后的回答(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Search Conversations</source>
        <translation>搜索对话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Write a Message</source>
        <translation>输入消息(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;top Answer</source>
        <translation>停止回答(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation>导出对话(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;All Conversations…</source>
        <translation>导出所有对话(&amp;A)…</translation>
    </message>
    <message>
        <source>I&amp;mport Conversations…</source>
        <translation>导入对话(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Batch Jobs…</source>
        <translation>批量任务(&amp;B)…</translation>
    </message>
    <message>
        <source>Ground every image of a folder through the Batch API or one request per image</source>
        <translation>通过 Batch API 或每张图片一个请求，对文件夹中的每张图片做定位</translation>
    </message>
</context>
<context>
    <name>NewJobDialog</name>
    <message>
        <source>New Batch Job</source>
        <translation>新建批量任务</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Include &amp;subfolders</source>
        <translation>包含子文件夹(&amp;S)</translation>
    </message>
    <message>
        <source>File &amp;types:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>File name extensions separated by spaces or commas; empty: every image type.</source>
        <translation>文件扩展名，用空格或逗号分隔；留空：所有图片类型。</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>提示词(&amp;P)：</translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation>配置(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation>模式(&amp;O)：</translation>
    </message>
    <message>
        <source>Requests at a &amp;time:</source>
        <translation>同时请求数(&amp;T)：</translation>
    </message>
    <message>
        <source>Direct mode: how many images are asked about at the same time.</source>
        <translation>直接模式：同时询问多少张图片。</translation>
    </message>
    <message>
        <source>Data set formats:</source>
        <translation>数据集格式：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before anything is sent&lt;/b&gt;</source>
        <translation>&lt;b&gt;发送之前&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 返回(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Estimate…</source>
        <translation>估算(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Confirm and Send</source>
        <translation>确认并发送(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>I&amp;dentifier:</source>
        <translation>标识(&amp;D)：</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Letters, digits, dot, underscore and dash; names the keychain entries</source>
        <translation>字母、数字、点、下划线和连字符；用于命名钥匙串条目</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>协议(&amp;P)：</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>DashScope (native API)</source>
        <translation>DashScope（原生 API）</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI 兼容</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>基础 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Default &amp;model:</source>
        <translation>默认模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <source>This endpoint needs an API &amp;key</source>
        <translation>此接入点需要 API 密钥(&amp;K)</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Remove Stored Key</source>
        <translation>删除已保存的密钥</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>System proxy</source>
        <translation>系统代理</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>代理主机</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>代理端口</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>用户名(&amp;S)：</translation>
    </message>
    <message>
        <source>Proxy user</source>
        <translation>代理用户名</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>代理密码</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Endpoints</source>
        <translation>接入点(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Default endpoint:</source>
        <translation>默认接入点(&amp;D)：</translation>
    </message>
    <message>
        <source>Default endpoint</source>
        <translation>默认接入点</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat with Qwen-VL models about your images.</source>
        <translation>与 Qwen-VL 模型就你的图片对话。</translation>
    </message>
    <message>
        <source>Images to attach to the chat.</source>
        <translation>要添加到对话中的图片。</translation>
    </message>
</context>
<context>
    <name>qvd::ActiveEndpoint</name>
    <message>
        <source>Cannot send: there is no API key for “%1”. Add one in Settings.</source>
        <translation>无法发送：“%1”没有 API 密钥。请在设置中添加。</translation>
    </message>
    <message>
        <source>Cannot send yet: no model server is set up.</source>
        <translation>暂时无法发送：尚未设置模型服务器。</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>无法发送：%1</translation>
    </message>
</context>
<context>
    <name>qvd::ApiError</name>
    <message>
        <source>Could not reach the model server.</source>
        <translation>无法连接到模型服务器。</translation>
    </message>
    <message>
        <source>The model server stopped sending data and the request timed out.</source>
        <translation>模型服务器停止发送数据，请求已超时。</translation>
    </message>
    <message>
        <source>The secure connection to the model server failed.</source>
        <translation>与模型服务器的安全连接失败。</translation>
    </message>
    <message>
        <source>The model server sent a reply this app cannot read.</source>
        <translation>模型服务器返回了本应用无法解析的回复。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>The API key was rejected. Check the key, and that it belongs to the region of the endpoint: keys from the Beijing region do not work on the international endpoint, and the other way round.</source>
        <translation>API 密钥被拒绝。请检查密钥，并确认它属于该接入点所在的地域：北京地域的密钥不能用于国际站接入点，反之亦然。</translation>
    </message>
    <message>
        <source>The account is in arrears. Top up or settle the bill in the Alibaba Cloud console, then try again.</source>
        <translation>账户已欠费。请在阿里云控制台充值或结清账单后重试。</translation>
    </message>
    <message>
        <source>The content safety check rejected the input or the answer.</source>
        <translation>输入或回答未通过内容安全检查。</translation>
    </message>
    <message>
        <source>Too many requests or the quota is used up. Wait a little and try again.</source>
        <translation>请求过于频繁或额度已用完。请稍候再试。</translation>
    </message>
    <message>
        <source>The model is not available on this endpoint.</source>
        <translation>此接入点不提供该模型。</translation>
    </message>
    <message>
        <source>Access was denied. The account or workspace may not have this model.</source>
        <translation>访问被拒绝。该账户或业务空间可能没有此模型的权限。</translation>
    </message>
    <message>
        <source>The server did not accept the request.</source>
        <translation>服务器未接受该请求。</translation>
    </message>
    <message>
        <source>The model server had a problem. Try again later.</source>
        <translation>模型服务器出现问题。请稍后重试。</translation>
    </message>
    <message>
        <source>The model server returned an error.</source>
        <translation>模型服务器返回了错误。</translation>
    </message>
    <message>
        <source>Server (HTTP %1, %2): %3</source>
        <translation>服务器（HTTP %1，%2）：%3</translation>
    </message>
    <message>
        <source>Server (%1): %2</source>
        <translation>服务器（%1）：%2</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>The reply was stopped because it went past a limit of this app. The text received until then is kept.</source>
        <translation>回复超出了本应用的限制，已被停止。此前收到的文字已保留。</translation>
    </message>
    <message>
        <source>The server answered with a redirect, which is never followed. Check the address of the profile.</source>
        <translation>服务器返回了重定向，重定向从不被跟随。请检查配置的地址。</translation>
    </message>
    <message>
        <source>The server redirected the request to %1. Requests are never sent on to another address, so nothing went there. Check the address of the profile.</source>
        <extracomment>%1 is where the server pointed, e.g. https://example.com</extracomment>
        <translation>服务器把请求重定向到 %1。请求从不被转发到其他地址，因此没有任何内容发往那里。请检查配置的地址。</translation>
    </message>
</context>
<context>
    <name>qvd::ApiKeyField</name>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation>隐藏密钥</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Send one small request that costs no tokens and show the answer</source>
        <translation>发送一个不消耗 token 的小请求，并显示服务器的回答</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
</context>
<context>
    <name>qvd::ApiKeyVault</name>
    <message>
        <source>The key is kept in memory for this session only: %1</source>
        <translation>密钥仅在本次会话的内存中保存：%1</translation>
    </message>
</context>
<context>
    <name>qvd::AskSeveralDialog</name>
    <message>
        <source>Ask several models</source>
        <translation>询问多个模型</translation>
    </message>
    <message>
        <source>The question goes to each of these models at once (at most %1). Their answers arrive side by side, each with its boxes, and the boxes are paired in one table.</source>
        <translation>问题会同时发给这些模型（最多 %1 个）。它们的回答并排显示，各带自己的框，框在一张表中配对。</translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>询问</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Where to send it</source>
        <translation>发送到哪里</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>qvd::AskTarget</name>
    <message>
        <source>Choose at least one model to ask.</source>
        <translation>请至少选择一个要询问的模型。</translation>
    </message>
    <message>
        <source>Choose a model for every row.</source>
        <translation>请为每一行选择一个模型。</translation>
    </message>
    <message>
        <source>Cannot send to “%1”: the profile cannot be used.</source>
        <translation>无法发送到“%1”：该配置无法使用。</translation>
    </message>
    <message>
        <source>Cannot send to “%1”: there is no API key for it. Add one in Settings.</source>
        <translation>无法发送到“%1”：它没有 API 密钥。请在设置中添加。</translation>
    </message>
</context>
<context>
    <name>qvd::AttachmentSource</name>
    <message>
        <source>pasted image.%1</source>
        <translation>粘贴的图片.%1</translation>
    </message>
    <message>
        <source>pasted image.png</source>
        <translation>粘贴的图片.png</translation>
    </message>
</context>
<context>
    <name>qvd::AttachmentTile</name>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Remove this image</source>
        <translation>移除这张图片</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>%1, being prepared</source>
        <translation>%1，正在处理</translation>
    </message>
    <message numerus="yes">
        <source>%1×%2 · %n token(s)</source>
        <extracomment>W×H the model sees, and the image tokens it costs; shown under a thumbnail</extracomment>
        <translation>
            <numerusform>%1×%2 · %n 个 token</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
Original %2×%3, sent as %4×%5 (about %n image token(s))</source>
        <translation>
            <numerusform>%1
原图 %2×%3，发送为 %4×%5（约 %n 个图片 token）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>accessible name of a composer image: its file name, then its size and tokens</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>qvd::BatchFlow</name>
    <message>
        <source>%1 Trying again in %2 s.</source>
        <translation>%1 %2 秒后重试。</translation>
    </message>
    <message>
        <source>The job no longer exists.</source>
        <translation>该任务已不存在。</translation>
    </message>
    <message>
        <source>The work folder “%1” cannot be made.</source>
        <translation>无法创建工作文件夹“%1”。</translation>
    </message>
    <message>
        <source>The server is asked at most once a minute; the next status check is due in %1 s.</source>
        <translation>每分钟最多向服务器查询一次；下一次状态查询在 %1 秒后。</translation>
    </message>
    <message>
        <source>The batch file “%1” cannot be written: %2</source>
        <translation>无法写入批量文件“%1”：%2</translation>
    </message>
    <message>
        <source>The batch file “%1” is shorter than recorded; it was changed outside the app.</source>
        <translation>批量文件“%1”比记录的短；它在应用之外被修改过。</translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n image(s) for batch file %1…</source>
        <translation>
            <numerusform>正在为批量文件 %1 准备 %n 张图片…</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch file %1 is full; continuing in batch file %2.</source>
        <translation>批量文件 %1 已满；继续写入批量文件 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Uploading batch file %1 (%n line(s), %2)…</source>
        <translation>
            <numerusform>正在上传批量文件 %1（%n 行，%2）…</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking whether batch file %1 reached the server…</source>
        <translation>正在检查批量文件 %1 是否已到达服务器…</translation>
    </message>
    <message numerus="yes">
        <source>Batch %1 created for batch file %2 (%n request(s)).</source>
        <translation>
            <numerusform>已为批量文件 %2 创建批次 %1（%n 个请求）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is busy (429); creating the batch again in %1 s.</source>
        <translation>服务器繁忙（429）；%1 秒后再次创建批次。</translation>
    </message>
    <message>
        <source>Checking whether the batch of batch file %1 was created…</source>
        <translation>正在检查批量文件 %1 的批次是否已创建…</translation>
    </message>
    <message>
        <source>The Batch API refused batch file %1: %2</source>
        <translation>Batch API 拒绝了批量文件 %1：%2</translation>
    </message>
    <message>
        <source>Batch %1: %2, %3 of %4 requests done, %5 failed.</source>
        <translation>批次 %1：%2，%4 个请求中已完成 %3 个，失败 %5 个。</translation>
    </message>
    <message>
        <source>Cancelling batch %1…</source>
        <translation>正在取消批次 %1…</translation>
    </message>
    <message>
        <source>Downloading the results of batch %1…</source>
        <translation>正在下载批次 %1 的结果…</translation>
    </message>
    <message>
        <source>Downloading the errors of batch %1…</source>
        <translation>正在下载批次 %1 的错误…</translation>
    </message>
    <message>
        <source>Reading the answers of batch %1…</source>
        <translation>正在读取批次 %1 的回答…</translation>
    </message>
    <message>
        <source>Line %1 of batch file %2: %3</source>
        <translation>批量文件 %2 第 %1 行：%3</translation>
    </message>
    <message>
        <source>The batch expired before this image was answered; retry it as a new batch.</source>
        <translation>批次在这张图片得到回答之前已过期；请作为新批次重试。</translation>
    </message>
    <message>
        <source>The batch was cancelled before this image was answered.</source>
        <translation>批次在这张图片得到回答之前已取消。</translation>
    </message>
    <message>
        <source>The batch failed before it ran.</source>
        <translation>批次在运行前失败。</translation>
    </message>
    <message>
        <source>The batch failed before it ran: %1</source>
        <translation>批次在运行前失败：%1</translation>
    </message>
    <message>
        <source>The batch is no longer on the server; its answers are lost.</source>
        <translation>该批次已不在服务器上；其回答已丢失。</translation>
    </message>
    <message>
        <source>The batch ended without an answer for this image.</source>
        <translation>批次已结束，但没有这张图片的回答。</translation>
    </message>
    <message>
        <source>The Batch API does not take the model %1 (%2): %3</source>
        <translation>Batch API 不接受模型 %1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>qvd::BatchJobs</name>
    <message>
        <source>Looking up the key…</source>
        <translation>正在查找密钥…</translation>
    </message>
    <message>
        <source>No failed images to retry.</source>
        <translation>没有需要重试的失败图片。</translation>
    </message>
</context>
<context>
    <name>qvd::BatchSupport</name>
    <message>
        <source>The Batch API takes vision models only in the Beijing region (dashscope.aliyuncs.com); Singapore&apos;s takes text models only. Use a Beijing profile, or send the images one by one (direct mode).</source>
        <translation>Batch API 仅在北京地域（dashscope.aliyuncs.com）接受视觉模型；新加坡地域只接受文本模型。请使用北京地域的配置，或逐张发送图片（直接模式）。</translation>
    </message>
    <message>
        <source>%1 answers only as a stream, which the Batch API does not do. Choose another model, or use direct mode.</source>
        <translation>%1 只以流式方式回答，而 Batch API 不支持流式。请选择其他模型，或使用直接模式。</translation>
    </message>
    <message>
        <source>%1 is not among the vision models the Batch API documentation lists; the server will say whether it takes it (model_not_found if not).</source>
        <translation>%1 不在 Batch API 文档列出的视觉模型中；服务器会告知是否接受（不接受时返回 model_not_found）。</translation>
    </message>
</context>
<context>
    <name>qvd::BatchText</name>
    <message>
        <source>Preparing</source>
        <translation>正在准备</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>正在取消</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>in a batch file</source>
        <translation>在批量文件中</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>在服务器上</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Batch API</source>
        <translation>Batch API</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>qvd::BatchWindow</name>
    <message>
        <source>Wrote %1 images and %2 annotations to %3.</source>
        <translation>已将 %1 张图片和 %2 个标注写入 %3。</translation>
    </message>
</context>
<context>
    <name>qvd::BoxEditor</name>
    <message>
        <source>Move box</source>
        <translation>移动框</translation>
    </message>
    <message>
        <source>Add box</source>
        <translation>添加框</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>删除框</translation>
    </message>
    <message>
        <source>Relabel box</source>
        <translation>更改框的标签</translation>
    </message>
    <message>
        <source>Back to the answer&apos;s boxes</source>
        <translation>恢复为回答中的框</translation>
    </message>
    <message>
        <source>Use as ground truth</source>
        <translation>用作真值</translation>
    </message>
</context>
<context>
    <name>qvd::BundleImage</name>
    <message>
        <source>it is not an image</source>
        <translation>它不是图片</translation>
    </message>
    <message>
        <source>it is a damaged image</source>
        <translation>它是损坏的图片</translation>
    </message>
    <message>
        <source>it has more pixels than the app takes</source>
        <translation>它的像素数超过本应用接受的上限</translation>
    </message>
    <message>
        <source>it is a damaged image (%1)</source>
        <translation>它是损坏的图片（%1）</translation>
    </message>
    <message>
        <source>number %1</source>
        <translation>第 %1 张</translation>
    </message>
    <message>
        <source>it has no valid SHA-256</source>
        <translation>它没有有效的 SHA-256</translation>
    </message>
    <message>
        <source>it has no data</source>
        <translation>它没有数据</translation>
    </message>
    <message>
        <source>its data is not valid base64</source>
        <translation>它的数据不是有效的 base64</translation>
    </message>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation>它大于 %1 MiB</translation>
    </message>
    <message>
        <source>its bytes do not match its SHA-256</source>
        <translation>它的内容与其 SHA-256 不符</translation>
    </message>
</context>
<context>
    <name>qvd::ChatBackend</name>
    <message>
        <source>The reply holds the control character %1 at byte %2, which JSON does not allow.</source>
        <extracomment>%1 is a byte value such as 0x00, %2 a position in bytes</extracomment>
        <translation>回复在第 %2 字节处含有控制字符 %1，JSON 不允许这样。</translation>
    </message>
</context>
<context>
    <name>qvd::ChatPane</name>
    <message>
        <source>Drop or paste images here, then ask about them in any language.</source>
        <translation>把图片拖放或粘贴到这里，然后用任何语言提问。</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息列表</translation>
    </message>
</context>
<context>
    <name>qvd::ChatTurn</name>
    <message numerus="yes">
        <source>No data for %n second(s).</source>
        <translation>
            <numerusform>%n 秒内未收到数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection closed before the answer was complete.</source>
        <translation>回答尚未完成，连接就已关闭。</translation>
    </message>
    <message>
        <source>One line or event of the stream was larger than %1 MiB, the most one may have.</source>
        <extracomment>%1 is a size in MiB, e.g. &quot;8&quot;</extracomment>
        <translation>数据流中的一行或一个事件超过了 %1 MiB，这是单个事件允许的最大值。</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>The request took longer than %1, the longest one request may take.</source>
        <extracomment>%1 is a duration, e.g. &quot;30 minutes&quot;</extracomment>
        <translation>请求用时超过了 %1，这是单个请求允许的最长时间。</translation>
    </message>
    <message>
        <source>The reply was larger than %1 MiB, the most a reply that is not streamed may have.</source>
        <extracomment>%1 is a size in MiB, e.g. &quot;16&quot;</extracomment>
        <translation>回复超过了 %1 MiB，这是非流式回复允许的最大值。</translation>
    </message>
    <message>
        <source>The answer reached %1 MiB of text, the most one answer may have.</source>
        <extracomment>%1 is a size in MiB, e.g. &quot;4&quot;</extracomment>
        <translation>回答的文字达到了 %1 MiB，这是单个回答允许的最大值。</translation>
    </message>
</context>
<context>
    <name>qvd::ChatView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>qvd::ClassList</name>
    <message>
        <source>Could not read the class list “%1”: %2</source>
        <translation>无法读取类别列表“%1”：%2</translation>
    </message>
    <message>
        <source>Could not write the class list “%1”: %2</source>
        <translation>无法写入类别列表“%1”：%2</translation>
    </message>
</context>
<context>
    <name>qvd::CocoImport</name>
    <message>
        <source>It is not a COCO file: there is no &quot;images&quot; or &quot;annotations&quot; list.</source>
        <translation>这不是 COCO 文件：没有 &quot;images&quot; 或 &quot;annotations&quot; 列表。</translation>
    </message>
    <message>
        <source>Annotation %1 was skipped: it has no bbox or no image.</source>
        <translation>已跳过标注 %1：它没有 bbox 或没有对应图片。</translation>
    </message>
</context>
<context>
    <name>qvd::ComparePanel</name>
    <message>
        <source>Nothing</source>
        <translation>不比较</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <source>Side by side…</source>
        <translation>并排显示…</translation>
    </message>
    <message>
        <source>The answers to this question next to each other, each with its boxes</source>
        <translation>并排显示此问题的各个回答，各带自己的框</translation>
    </message>
    <message>
        <source>Boxes of the two answers, paired by IoU</source>
        <translation>两个回答的框，按 IoU 配对</translation>
    </message>
</context>
<context>
    <name>qvd::Composer</name>
    <message>
        <source>Add Images</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Resend the edited message?</source>
        <translation>重新发送编辑后的消息？</translation>
    </message>
    <message numerus="yes">
        <source>Sending the edited message drops the %n message(s) after it. This cannot be undone.</source>
        <translation>
            <numerusform>发送编辑后的消息会删除其后的 %n 条消息，且无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Ask about your images…</source>
        <translation>询问你的图片…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Add Images…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Model (type any model id the endpoint serves)</source>
        <translation>模型（可输入服务端支持的任意模型 ID）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>System prompt, temperature and other settings of this conversation</source>
        <translation>本对话的系统提示词、温度等设置</translation>
    </message>
    <message>
        <source>Conversation parameters</source>
        <translation>对话参数</translation>
    </message>
    <message>
        <source>Esc stops the answer</source>
        <translation>Esc 停止回答</translation>
    </message>
    <message>
        <source>Enter or Ctrl+Enter sends · Shift+Enter new line</source>
        <translation>Enter 或 Ctrl+Enter 发送 · Shift+Enter 换行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message numerus="yes">
        <source>Editing a sent message. Resending it drops the %n message(s) after it.</source>
        <translation>
            <numerusform>正在编辑已发送的消息。重新发送会删除其后的 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <source>Images to send</source>
        <translation>待发送的图片</translation>
    </message>
    <message>
        <source>an unknown family</source>
        <translation>未知系列</translation>
    </message>
    <message>
        <source>Read as %1</source>
        <extracomment>The model picker&apos;s neighbour for a local server&apos;s model: how its boxes are read</extracomment>
        <translation>按 %1 读取</translation>
    </message>
    <message>
        <source>The family decides how this model&apos;s boxes are read and how its images are sized. It is guessed from the model&apos;s name; choose another if its boxes look off.</source>
        <translation>模型系列决定如何读取此模型的框以及如何缩放其图片。系列根据模型名称推测；如果框的位置不对，请选择其他系列。</translation>
    </message>
    <message>
        <source>Guess from the name</source>
        <translation>根据名称推测</translation>
    </message>
    <message>
        <source>Ask Several…</source>
        <translation>询问多个…</translation>
    </message>
    <message>
        <source>Send this question to several models at once and compare their answers and boxes side by side</source>
        <translation>将此问题同时发给多个模型，并排比较它们的回答和框</translation>
    </message>
</context>
<context>
    <name>qvd::ConnectionTester</name>
    <message>
        <source>Redirected to %1</source>
        <extracomment>%1 is where the server pointed, e.g. https://example.com</extracomment>
        <translation>重定向到 %1</translation>
    </message>
</context>
<context>
    <name>qvd::ConversationListPane</name>
    <message>
        <source>New Conversation</source>
        <translation>新建对话</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>还没有对话。</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Conversation deleted.</source>
        <translation>对话已删除。</translation>
    </message>
    <message>
        <source>Undo Delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Rename Conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
</context>
<context>
    <name>qvd::CostEstimate</name>
    <message>
        <source>About %1 input tokens: %2 for the images at the sizes the model will see, %3 for the prompt.</source>
        <translation>约 %1 个输入 token：图片按模型看到的尺寸计 %2 个，提示词 %3 个。</translation>
    </message>
    <message>
        <source>at the Batch API&apos;s half price</source>
        <translation>按 Batch API 的半价</translation>
    </message>
    <message>
        <source>at the real-time price</source>
        <translation>按实时价格</translation>
    </message>
    <message>
        <source>Input: about %1 %2 %3; answers: %4 %2 per million tokens.</source>
        <translation>输入：约 %1 %2 %3；回答：每百万 token %4 %2。</translation>
    </message>
    <message>
        <source>No price is known for this model: add it to the price list (prices.json) to see the cost.</source>
        <translation>此模型没有已知价格：将其添加到价格表（prices.json）即可看到费用。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln copy(s) of another image, sent once.</source>
        <translation>
            <numerusform>%Ln 个文件是其他图片的副本，只发送一次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) not readable as images.</source>
        <translation>
            <numerusform>%Ln 个文件无法作为图片读取。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) to send</source>
        <translation>
            <numerusform>要发送 %Ln 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, from %Ln file(s) found.</source>
        <translation>
            <numerusform>，共找到 %Ln 个文件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qvd::DatasetReader</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>there is no such file or folder.</source>
        <translation>没有这个文件或文件夹。</translation>
    </message>
    <message>
        <source>two images are called “%1” (%2 and %3); images are paired by name.</source>
        <translation>有两张图片都叫“%1”（%2 和 %3）；图片是按名称配对的。</translation>
    </message>
    <message>
        <source>the folder holds no annotation files (.json, .xml, .txt).</source>
        <translation>文件夹中没有标注文件（.json、.xml、.txt）。</translation>
    </message>
    <message>
        <source>%1: the same images are also in other formats; not read: %2</source>
        <translation>%1：同样的图片也有其他格式的标注；未读取：%2</translation>
    </message>
    <message>
        <source>the JSON is damaged at byte %1: %2.</source>
        <translation>JSON 在第 %1 字节处损坏：%2。</translation>
    </message>
    <message>
        <source>it is neither COCO, LabelMe nor the detections JSON of qwenvl-desk-cli.</source>
        <translation>它既不是 COCO、LabelMe，也不是 qwenvl-desk-cli 输出的检测 JSON。</translation>
    </message>
    <message>
        <source>YOLO coordinates are fractions of the image size, and no image called “%1” was found beside the labels, in an images folder or in the image folder given.</source>
        <translation>YOLO 坐标是图像尺寸的比例，但在标签旁边、images 文件夹或指定的图片文件夹中都找不到名为“%1”的图片。</translation>
    </message>
</context>
<context>
    <name>qvd::DatasetWriter</name>
    <message>
        <source>The annotated image could not be encoded as PNG.</source>
        <translation>无法把带标注的图片编码为 PNG。</translation>
    </message>
    <message>
        <source>YOLO labels need the image&apos;s size, which is not known.</source>
        <translation>YOLO 标签需要图像尺寸，但尺寸未知。</translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
</context>
<context>
    <name>qvd::DeskSession</name>
    <message>
        <source>Could not list the server&apos;s models: %1</source>
        <translation>无法列出服务器的模型：%1</translation>
    </message>
</context>
<context>
    <name>qvd::DetectionExporter</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>COCO JSON (*.json)</source>
        <translation>COCO JSON (*.json)</translation>
    </message>
    <message>
        <source>LabelMe JSON (*.json)</source>
        <translation>LabelMe JSON (*.json)</translation>
    </message>
    <message>
        <source>YOLO labels (*.txt)</source>
        <translation>YOLO 标注 (*.txt)</translation>
    </message>
    <message>
        <source>Pascal VOC XML (*.xml)</source>
        <translation>Pascal VOC XML (*.xml)</translation>
    </message>
</context>
<context>
    <name>qvd::DetectionJsonImport</name>
    <message>
        <source>It is not the detections JSON of qwenvl-desk-cli boxes or ask --json.</source>
        <translation>这不是 qwenvl-desk-cli boxes 或 ask --json 输出的检测 JSON。</translation>
    </message>
    <message>
        <source>The coordinates are in the model&apos;s own space, not pixels: run boxes with --image or --size.</source>
        <translation>坐标处于模型自身的坐标空间，而不是像素：请带 --image 或 --size 运行 boxes。</translation>
    </message>
    <message>
        <source>Detection %1 has no kind or corners (x1, y1, x2, y2).</source>
        <translation>检测 %1 没有类型或角点（x1、y1、x2、y2）。</translation>
    </message>
    <message>
        <source>The detections mark more than one image; give one file per image.</source>
        <translation>这些检测涉及不止一张图片；请每张图片给一个文件。</translation>
    </message>
    <message>
        <source>The image was given by URL, so its size and the detections&apos; pixels are not known.</source>
        <translation>图片是以 URL 给出的，因此其尺寸和检测的像素坐标未知。</translation>
    </message>
</context>
<context>
    <name>qvd::DetectionTable</name>
    <message>
        <source>Hide this detection</source>
        <translation>隐藏此检测结果</translation>
    </message>
    <message>
        <source>Hide all «%1»</source>
        <translation>隐藏所有“%1”</translation>
    </message>
    <message>
        <source>Show only «%1»</source>
        <translation>只显示“%1”</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>No detections</source>
        <translation>没有检测结果</translation>
    </message>
    <message>
        <source>Filter by label</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <source>Filter detections by label</source>
        <translation>按标签筛选检测结果</translation>
    </message>
    <message>
        <source>Labels</source>
        <extracomment>Button with a menu that shows or hides the boxes of each label</extracomment>
        <translation>标签</translation>
    </message>
    <message>
        <source>Show or hide labels</source>
        <translation>显示或隐藏标签</translation>
    </message>
    <message>
        <source>Detections</source>
        <translation>检测结果</translation>
    </message>
</context>
<context>
    <name>qvd::DetectionTableModel</name>
    <message>
        <source>From the answer: %1</source>
        <translation>出自回答：%1</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Detection kind column: box, point or quad</extracomment>
        <translation>类型</translation>
    </message>
    <message>
        <source>Syntax</source>
        <extracomment>Column: the format the model wrote the box in (JSON, tags…)</extracomment>
        <translation>格式</translation>
    </message>
    <message>
        <source>box</source>
        <extracomment>Detection kind</extracomment>
        <translation>框</translation>
    </message>
    <message>
        <source>point</source>
        <extracomment>Detection kind</extracomment>
        <translation>点</translation>
    </message>
    <message>
        <source>quad</source>
        <extracomment>Detection kind: a four-cornered polygon</extracomment>
        <translation>四边形</translation>
    </message>
    <message>
        <source>Qwen-VL tags</source>
        <translation>Qwen-VL 标签</translation>
    </message>
    <message>
        <source>Qwen2 tokens</source>
        <translation>Qwen2 特殊记号</translation>
    </message>
    <message>
        <source>XML points</source>
        <translation>XML 点</translation>
    </message>
    <message>
        <source>HTML data-bbox</source>
        <translation>HTML data-bbox</translation>
    </message>
    <message>
        <source>bare pairs</source>
        <translation>裸坐标对</translation>
    </message>
    <message>
        <source>plain lines</source>
        <translation>纯文本行</translation>
    </message>
    <message>
        <source>(no label)</source>
        <extracomment>Shown for a box the model gave no label</extracomment>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>bare arrays</source>
        <extracomment>an answer that is only [x1, y1, x2, y2] arrays, without keys or labels</extracomment>
        <translation>纯坐标数组</translation>
    </message>
</context>
<context>
    <name>qvd::DirectFlow</name>
    <message numerus="yes">
        <source>Sending %n image(s), %1 at a time…</source>
        <translation>
            <numerusform>正在发送 %n 张图片，每次 %1 张…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s (attempt %3).</source>
        <translation>%1 %2 秒后重试（第 %3 次）。</translation>
    </message>
    <message>
        <source>The server stopped the answer at its time limit; retry the image.</source>
        <translation>服务器因时间限制中止了回答；请重试这张图片。</translation>
    </message>
    <message>
        <source>%1 of %2 images answered.</source>
        <translation>%2 张图片中已回答 %1 张。</translation>
    </message>
</context>
<context>
    <name>qvd::ExportJobDialog</name>
    <message>
        <source>Choose the folder the data set is written to.</source>
        <translation>请选择写入数据集的文件夹。</translation>
    </message>
    <message>
        <source>Data set folder</source>
        <translation>数据集文件夹</translation>
    </message>
    <message>
        <source>Export Job</source>
        <translation>导出任务</translation>
    </message>
    <message>
        <source>COCO (one JSON file)</source>
        <translation>COCO（一个 JSON 文件）</translation>
    </message>
    <message>
        <source>LabelMe (one JSON file per image)</source>
        <translation>LabelMe（每张图片一个 JSON 文件）</translation>
    </message>
    <message>
        <source>YOLO (one text file per image and classes.txt)</source>
        <translation>YOLO（每张图片一个文本文件，外加 classes.txt）</translation>
    </message>
    <message>
        <source>&amp;Data set folder:</source>
        <translation>数据集文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Tick at least one format.</source>
        <translation>请至少勾选一种格式。</translation>
    </message>
    <message>
        <source>&amp;Formats:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>qvd::ExportReport</name>
    <message>
        <source>The export was stopped; no file was written.</source>
        <translation>导出已停止；没有写入任何文件。</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>未导出任何内容：%1</translation>
    </message>
    <message>
        <source>Exported %1 conversation(s) with %2 message(s) and %3 image(s) to “%4”.</source>
        <translation>已将 %1 个对话（%2 条消息、%3 张图片）导出到“%4”。</translation>
    </message>
    <message>
        <source>%1 original image(s) were missing from the history; their boxes are kept.</source>
        <translation>历史记录中缺少 %1 张原始图片；它们的框已保留。</translation>
    </message>
</context>
<context>
    <name>qvd::FirstRunDialog</name>
    <message>
        <source>sk-…</source>
        <translation>sk-…</translation>
    </message>
    <message>
        <source>This server needs no key</source>
        <translation>此服务器不需要密钥</translation>
    </message>
    <message>
        <source>Save Key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <source>Skip for Now</source>
        <translation>暂时跳过</translation>
    </message>
    <message>
        <source>You can enter the key later in Settings</source>
        <translation>稍后可以在“设置”中输入密钥</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>qvd::HistoryImport</name>
    <message>
        <source>its “%1” is larger than %2 MiB</source>
        <translation>它的“%1”大于 %2 MiB</translation>
    </message>
    <message>
        <source>message %1 is larger than %2 MiB</source>
        <translation>第 %1 条消息大于 %2 MiB</translation>
    </message>
</context>
<context>
    <name>qvd::HistoryStore</name>
    <message>
        <source>The history file was damaged and could not be read. It was kept as “%1” and a new, empty history was started.</source>
        <translation>历史记录文件已损坏，无法读取。它已保留为“%1”，并已新建一个空的历史记录。</translation>
    </message>
    <message>
        <source>The history file was damaged and was kept as “%1”. A new history could not be started: %2</source>
        <translation>历史记录文件已损坏，已保留为“%1”。无法新建历史记录：%2</translation>
    </message>
</context>
<context>
    <name>qvd::HistoryTransferController</name>
    <message>
        <source>The history is not open yet; try again in a moment.</source>
        <translation>历史记录尚未打开；请稍后再试。</translation>
    </message>
    <message>
        <source>The history is not available: %1</source>
        <translation>历史记录不可用：%1</translation>
    </message>
    <message>
        <source>This conversation is not saved yet: it is saved when its first answer ends.</source>
        <translation>此对话尚未保存：它会在第一个回答结束时保存。</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>QwenVL Desk history with images (*.json)</source>
        <translation>带图片的 QwenVL Desk 历史记录 (*.json)</translation>
    </message>
    <message>
        <source>Markdown with an images folder (*.md)</source>
        <translation>带图片文件夹的 Markdown (*.md)</translation>
    </message>
    <message>
        <source>Exporting the conversation…</source>
        <translation>正在导出对话…</translation>
    </message>
    <message>
        <source>Export All Conversations</source>
        <translation>导出所有对话</translation>
    </message>
    <message>
        <source>Exporting all conversations…</source>
        <translation>正在导出所有对话…</translation>
    </message>
    <message>
        <source>Import Conversations</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>QwenVL Desk history (*.json)</source>
        <translation>QwenVL Desk 历史记录 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing conversations…</source>
        <translation>正在导入对话…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>History Transfer</source>
        <translation>历史记录导入导出</translation>
    </message>
    <message>
        <source>History Transfer Failed</source>
        <translation>历史记录导入导出失败</translation>
    </message>
</context>
<context>
    <name>qvd::ImageError</name>
    <message>
        <source>Cannot read “%1”.</source>
        <translation>无法读取“%1”。</translation>
    </message>
    <message>
        <source>“%1” is not an image in a supported format (JPEG, PNG, WebP, BMP, GIF or TIFF).</source>
        <translation>“%1”不是受支持格式（JPEG、PNG、WebP、BMP、GIF 或 TIFF）的图片。</translation>
    </message>
    <message>
        <source>“%1” looks like an image but is damaged and cannot be decoded.</source>
        <translation>“%1”看起来是图片，但已损坏，无法解码。</translation>
    </message>
    <message>
        <source>“%1” is too large to open safely: %2×%3 pixels.</source>
        <translation>“%1”太大，无法安全打开：%2×%3 像素。</translation>
    </message>
    <message>
        <source>“%1” is too large to open: %2 MB.</source>
        <translation>“%1”太大，无法打开：%2 MB。</translation>
    </message>
    <message>
        <source>“%1” is too long and thin for the model: %2×%3 pixels (at most 200:1).</source>
        <translation>“%1”的长宽比过大，模型无法处理：%2×%3 像素（最多 200:1）。</translation>
    </message>
    <message>
        <source>“%1” cannot be made small enough to send (limit %2 MB).</source>
        <translation>“%1”无法压缩到可发送的大小（上限 %2 MB）。</translation>
    </message>
    <message>
        <source>“%1” is empty (0 bytes).</source>
        <translation>“%1”是空文件（0 字节）。</translation>
    </message>
</context>
<context>
    <name>qvd::ImageFetcher</name>
    <message>
        <source>Could not download “%1” (only http and https addresses are fetched).</source>
        <translation>无法下载“%1”（只下载 http 和 https 地址）。</translation>
    </message>
    <message>
        <source>Could not download “%1” (%2).</source>
        <translation>无法下载“%1”（%2）。</translation>
    </message>
</context>
<context>
    <name>qvd::ImageScan</name>
    <message>
        <source>The folder “%1” does not exist or cannot be read.</source>
        <translation>文件夹“%1”不存在或无法读取。</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” is not an image that can be read.</source>
        <translation>“%1”不是可读取的图片。</translation>
    </message>
    <message>
        <source>“%1” is too long and narrow to send (%2×%3 pixels).</source>
        <translation>“%1”过于细长，无法发送（%2×%3 像素）。</translation>
    </message>
</context>
<context>
    <name>qvd::ImageStore</name>
    <message>
        <source>The original image “%1” is missing.</source>
        <translation>原始图片“%1”不见了。</translation>
    </message>
    <message>
        <source>The original image “%1” is damaged and cannot be shown.</source>
        <translation>原始图片“%1”已损坏，无法显示。</translation>
    </message>
</context>
<context>
    <name>qvd::ImportReport</name>
    <message>
        <source>The import was stopped; nothing was changed.</source>
        <translation>导入已停止；没有做任何更改。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Imported %1 conversation(s): %2 new, %3 continued, %4 added as copies; %5 already here.</source>
        <translation>已导入 %1 个对话：%2 个新对话，%3 个续接，%4 个作为副本添加；%5 个已存在。</translation>
    </message>
    <message>
        <source>Messages imported: %1. Images imported: %2.</source>
        <translation>已导入消息：%1。已导入图片：%2。</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>未导入：</translation>
    </message>
    <message>
        <source>– image %1: %2</source>
        <translation>– 图片 %1：%2</translation>
    </message>
    <message>
        <source>– conversation “%1”: %2</source>
        <translation>– 对话“%1”：%2</translation>
    </message>
</context>
<context>
    <name>qvd::InspectOnlyWindow</name>
    <message>
        <source>Open image</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) found in the answer.</source>
        <translation>
            <numerusform>在回答中找到 %n 个检测结果。</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspect an answer</source>
        <translation>查看回答中的框</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <source>&amp;Model that wrote the answer:</source>
        <translation>写出回答的模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Unknown (guess from the format)</source>
        <translation>未知（根据格式推断）</translation>
    </message>
    <message>
        <source>&amp;Paste the model&apos;s answer:</source>
        <translation>粘贴模型的回答(&amp;P)：</translation>
    </message>
    <message>
        <source>For example: ```json [{&quot;bbox_2d&quot;: [10, 20, 300, 400], &quot;label&quot;: &quot;cat&quot;}] ```</source>
        <translation>例如：```json [{&quot;bbox_2d&quot;: [10, 20, 300, 400], &quot;label&quot;: &quot;猫&quot;}] ```</translation>
    </message>
    <message>
        <source>No image opened.</source>
        <translation>尚未打开图片。</translation>
    </message>
</context>
<context>
    <name>qvd::InspectorLayers</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>the boxes of %1</source>
        <translation>%1 的框</translation>
    </message>
    <message>
        <source>the answer</source>
        <translation>该回答</translation>
    </message>
    <message>
        <source>%1 · answer %2</source>
        <extracomment>Compare list: the model that wrote an answer, and the answer&apos;s number</extracomment>
        <translation>%1 · 第 %2 个回答</translation>
    </message>
    <message>
        <source>%1 (other)</source>
        <translation>%1（另一个）</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) found by both</source>
        <translation>
            <numerusform>两者都找到了 %n 对框</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 only: %2</source>
        <translation>仅 %1：%2</translation>
    </message>
    <message>
        <source>Cannot load ground truth</source>
        <translation>无法载入真值</translation>
    </message>
    <message>
        <source>Which image?</source>
        <translation>是哪张图片？</translation>
    </message>
    <message numerus="yes">
        <source>“%1” holds %n image(s), none called “%2”. Which one is this image?</source>
        <translation>
            <numerusform>“%1”包含 %n 张图片，没有一张名为“%2”。这张图片是其中哪一张？</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” holds no annotations.</source>
        <translation>“%1”中没有标注。</translation>
    </message>
    <message>
        <source>The ground truth was made for a %1×%2 copy of this image; its boxes were scaled to it.</source>
        <translation>真值是为此图片的 %1×%2 副本制作的；其中的框已按此图片缩放。</translation>
    </message>
    <message numerus="yes">
        <source>%n other image(s) of this conversation got their ground truth too.</source>
        <translation>
            <numerusform>此对话中另有 %n 张图片也载入了真值。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) were skipped: %1</source>
        <translation>
            <numerusform>跳过了 %n 个对象：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Load ground truth</source>
        <translation>载入真值</translation>
    </message>
    <message>
        <source>Annotations (*.json *.xml *.txt);;All files (*)</source>
        <translation>标注文件 (*.json *.xml *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Load ground truth from a folder</source>
        <translation>从文件夹载入真值</translation>
    </message>
    <message>
        <source>object</source>
        <translation>物体</translation>
    </message>
    <message>
        <source>New box “%1”: press F2 to rename it.</source>
        <translation>新框“%1”：按 F2 重命名。</translation>
    </message>
    <message>
        <source>Rename box</source>
        <translation>重命名框</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Edit boxes</source>
        <translation>编辑框</translation>
    </message>
    <message>
        <source>Move and resize boxes by their edges and corners, draw new ones, Delete removes, F2 renames. The answer&apos;s text is not changed.</source>
        <translation>拖动框的边和角来移动、缩放框，可绘制新框，按 Delete 删除，按 F2 重命名。回答的文字不会改变。</translation>
    </message>
    <message>
        <source>Back to the answer&apos;s boxes</source>
        <translation>恢复为回答中的框</translation>
    </message>
    <message>
        <source>GT %1</source>
        <translation>真值 %1</translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation>漏检 %1</translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>仅 %1</translation>
    </message>
</context>
<context>
    <name>qvd::InspectorPane</name>
    <message>
        <source>No image selected.
Boxes and points the model names appear here.</source>
        <translation>未选择图片。
模型指出的框和点会显示在这里。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Fit</source>
        <extracomment>Zoom so the whole image fits the view</extracomment>
        <translation>适应</translation>
    </message>
    <message>
        <source>Fit the whole image in the view</source>
        <translation>让整张图片适应视图</translation>
    </message>
    <message>
        <source>1:1</source>
        <extracomment>Zoom to 100 %: one image pixel per screen pixel</extracomment>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Actual size (100 %)</source>
        <translation>实际大小（100 %）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Ask about a region</source>
        <translation>询问某个区域</translation>
    </message>
    <message>
        <source>Drag a rectangle or click a point on the image to ask the model about it</source>
        <translation>在图片上拖出矩形或点击一个点，向模型询问该处</translation>
    </message>
    <message>
        <source>Export the image or the detections</source>
        <translation>导出图片或检测结果</translation>
    </message>
    <message>
        <source>Annotated image (PNG)…</source>
        <translation>带标注的图片（PNG）…</translation>
    </message>
    <message>
        <source>Detections as COCO JSON…</source>
        <translation>检测结果导出为 COCO JSON…</translation>
    </message>
    <message>
        <source>Detections as LabelMe JSON…</source>
        <translation>检测结果导出为 LabelMe JSON…</translation>
    </message>
    <message>
        <source>Detections as YOLO labels…</source>
        <translation>检测结果导出为 YOLO 标注…</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>缩放比例</translation>
    </message>
    <message>
        <source>Image with detections</source>
        <translation>带检测结果的图片</translation>
    </message>
    <message>
        <source>(drawn by you)</source>
        <translation>（由你绘制）</translation>
    </message>
    <message>
        <source>Detections</source>
        <extracomment>Inspector tab: the boxes of the answer shown</extracomment>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation>真值</translation>
    </message>
    <message>
        <source>Compare</source>
        <extracomment>Inspector tab: the answer against another answer</extracomment>
        <translation>比较</translation>
    </message>
</context>
<context>
    <name>qvd::JobBrowser</name>
    <message numerus="yes">
        <source>, %n detection(s)</source>
        <translation>
            <numerusform>，%n 个检测结果</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>All images</source>
        <translation>全部图片</translation>
    </message>
    <message>
        <source>Failed images</source>
        <translation>失败的图片</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>未找到任何目标</translation>
    </message>
    <message>
        <source>With the label:</source>
        <translation>带有标签：</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>上一张(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一张(&amp;N)</translation>
    </message>
    <message>
        <source>The label the images are filtered by</source>
        <translation>用于筛选图片的标签</translation>
    </message>
</context>
<context>
    <name>qvd::JobExport</name>
    <message>
        <source>There is no job %1.</source>
        <translation>没有任务 %1。</translation>
    </message>
    <message>
        <source>The folder “%1” cannot be made.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
</context>
<context>
    <name>qvd::JobListModel</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>qvd::JobPlan</name>
    <message>
        <source>There are no images in %1.</source>
        <translation>%1 中没有图片。</translation>
    </message>
    <message>
        <source>Stopped before every image was read.</source>
        <translation>在读取完所有图片之前已停止。</translation>
    </message>
</context>
<context>
    <name>qvd::JobRunner</name>
    <message>
        <source>There is no job %1.</source>
        <translation>没有任务 %1。</translation>
    </message>
    <message>
        <source>Job %1 is being worked on by another window or command; try again when it has finished.</source>
        <translation>任务 %1 正由另一个窗口或命令处理；请在其完成后再试。</translation>
    </message>
</context>
<context>
    <name>qvd::JobTarget</name>
    <message>
        <source>There is no profile named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的配置。</translation>
    </message>
    <message>
        <source>No API key for profile &apos;%1&apos;. Store one in the settings, or with: qwenvl-desk-cli key set --profile %1.</source>
        <translation>配置“%1”没有 API 密钥。请在设置中保存，或使用：qwenvl-desk-cli key set --profile %1。</translation>
    </message>
</context>
<context>
    <name>qvd::LabelMeImport</name>
    <message>
        <source>It is not a LabelMe file: there is no &quot;shapes&quot; list.</source>
        <translation>这不是 LabelMe 文件：没有 &quot;shapes&quot; 列表。</translation>
    </message>
    <message>
        <source>Shape %1 (“%2”, %3) was skipped: it marks no area.</source>
        <translation>已跳过形状 %1（“%2”，%3）：它不标出任何区域。</translation>
    </message>
</context>
<context>
    <name>qvd::LabelRule</name>
    <message>
        <source>Cannot read the label table “%1”: %2</source>
        <translation>无法读取标签表“%1”：%2</translation>
    </message>
    <message>
        <source>the JSON is damaged at byte %1: %2.</source>
        <translation>JSON 在第 %1 字节处损坏：%2。</translation>
    </message>
    <message>
        <source>it holds no names.</source>
        <translation>其中没有任何名称。</translation>
    </message>
</context>
<context>
    <name>qvd::MainWindow</name>
    <message>
        <source>About QwenVL Desk</source>
        <translation>关于 QwenVL Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QwenVL Desk %1&lt;/h3&gt;&lt;p&gt;A desktop client for the Qwen-VL vision-language models.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QwenVL Desk %1&lt;/h3&gt;&lt;p&gt;Qwen-VL 视觉语言模型的桌面客户端。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Cannot open %n file(s): %1</source>
        <translation>
            <numerusform>无法打开 %n 个文件：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Inspect an Answer…</source>
        <translation>检查回答(&amp;I)…</translation>
    </message>
    <message>
        <source>Some entries of your models file were skipped: %1</source>
        <translation>模型文件中的部分条目已跳过：%1</translation>
    </message>
</context>
<context>
    <name>qvd::MarkdownWriter</name>
    <message>
        <source>*(image “%1” is missing)*</source>
        <translation>*（图片“%1”缺失）*</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>You, %1</source>
        <translation>你，%1</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Coordinate space: %1.</source>
        <translation>坐标空间：%1。</translation>
    </message>
</context>
<context>
    <name>qvd::MemorySecretStore</name>
    <message>
        <source>memory (this session only)</source>
        <translation>内存（仅限本次会话）</translation>
    </message>
</context>
<context>
    <name>qvd::MessageLayout</name>
    <message>
        <source>%1 in · %2 out · %3 image tokens</source>
        <extracomment>token usage under an answer: input, output, and how many of the input were images</extracomment>
        <translation>输入 %1 · 输出 %2 · 图片 %3 个 token</translation>
    </message>
    <message>
        <source>request %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <source>cut off at the token limit</source>
        <translation>因达到 token 上限而截断</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>▾ Thought process</source>
        <translation>▾ 思考过程</translation>
    </message>
    <message>
        <source>▸ Thought process</source>
        <translation>▸ 思考过程</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>正在思考…</translation>
    </message>
    <message>
        <source>(interrupted)</source>
        <translation>（已中断）</translation>
    </message>
    <message>
        <source>The answer could not be completed.</source>
        <translation>回答未能完成。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <extracomment>while the question and its images are uploaded: &quot;Sending 1.2 MB of 3.4 MB…&quot;</extracomment>
        <translation>正在发送 %1 / %2…</translation>
    </message>
    <message>
        <source>(cut off by the server at its time limit)</source>
        <extracomment>the server ended a non-streamed answer at its time limit; the text is incomplete</extracomment>
        <translation>（服务器在时限处截断）</translation>
    </message>
</context>
<context>
    <name>qvd::ModelListReader</name>
    <message>
        <source>not valid JSON (%1 at column %2); nothing of this file is used.</source>
        <translation>不是有效的 JSON（第 %2 列：%1），整个文件都未使用。</translation>
    </message>
    <message>
        <source>a model list must be a JSON object; nothing of this file is used.</source>
        <translation>模型列表必须是一个 JSON 对象，整个文件都未使用。</translation>
    </message>
    <message>
        <source>“%1” must be a list; it is ignored.</source>
        <translation>“%1”必须是列表，已忽略。</translation>
    </message>
    <message>
        <source>an entry of “%1” must be an object; it is ignored.</source>
        <translation>“%1”中的条目必须是对象，已忽略。</translation>
    </message>
    <message>
        <source>an entry without “%1”; it is ignored.</source>
        <translation>条目缺少“%1”，已忽略。</translation>
    </message>
    <message>
        <source>“%1” is not a valid regular expression (%2); it is ignored.</source>
        <translation>“%1”不是有效的正则表达式（%2），已忽略。</translation>
    </message>
    <message>
        <source>“%1” has an unknown field “%2”; the entry is ignored.</source>
        <translation>“%1”含有未知字段“%2”，该条目已忽略。</translation>
    </message>
    <message>
        <source>“%1” needs a “family”; it is ignored.</source>
        <translation>“%1”需要指定“family”，已忽略。</translation>
    </message>
    <message>
        <source>“%1” has an unknown family “%2”; it is ignored.</source>
        <translation>“%1”的模型系列“%2”未知，已忽略。</translation>
    </message>
    <message>
        <source>“%1” has an invalid “%2”; it is ignored.</source>
        <translation>“%1”的“%2”无效，已忽略。</translation>
    </message>
    <message>
        <source>“%1”: the pixel budget must grow from the minimum to the maximum and the ceiling (%2 ≤ %3 ≤ %4); it is ignored.</source>
        <translation>“%1”：像素预算必须从最小值到最大值再到上限依次不减（%2 ≤ %3 ≤ %4），已忽略。</translation>
    </message>
</context>
<context>
    <name>qvd::ModelRegistry</name>
    <message>
        <source>Cannot read the model list “%1”: %2</source>
        <translation>无法读取模型列表“%1”：%2</translation>
    </message>
</context>
<context>
    <name>qvd::NewJobDialog</name>
    <message>
        <source>Folder of images</source>
        <translation>图片文件夹</translation>
    </message>
    <message>
        <source>Choose the folder of images.</source>
        <translation>请选择图片文件夹。</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>文件夹“%1”不存在。</translation>
    </message>
    <message>
        <source>Write the prompt every image is asked with.</source>
        <translation>请填写用于询问每张图片的提示词。</translation>
    </message>
    <message>
        <source>Reading the images…</source>
        <translation>正在读取图片…</translation>
    </message>
    <message>
        <source>Reading the images: %1 of %2</source>
        <translation>正在读取图片：%1 / %2</translation>
    </message>
    <message>
        <source>Batch API (half price, runs on the server&apos;s side)</source>
        <translation>Batch API（半价，在服务器端运行）</translation>
    </message>
    <message>
        <source>Direct (one request per image, real time)</source>
        <translation>直接（每张图片一个请求，实时）</translation>
    </message>
</context>
<context>
    <name>qvd::PairTableModel</name>
    <message>
        <source>Both</source>
        <extracomment>Comparison table: a box both answers found</extracomment>
        <translation>两者</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <source>point in box</source>
        <translation>点在框内</translation>
    </message>
    <message>
        <source>Found by</source>
        <extracomment>Comparison table column: found by both answers, or by one of them</extracomment>
        <translation>找到者</translation>
    </message>
    <message>
        <source>Label in %1</source>
        <translation>%1 中的标签</translation>
    </message>
    <message>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <source>Box in %1</source>
        <translation>%1 中的框</translation>
    </message>
</context>
<context>
    <name>qvd::ParametersPopup</name>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation>系统提示词(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>温度(&amp;T)：</translation>
    </message>
    <message>
        <source>Top &amp;p:</source>
        <translation>Top &amp;p：</translation>
    </message>
    <message>
        <source>&amp;Max tokens:</source>
        <translation>最大 token 数(&amp;M)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>随机种子(&amp;E)：</translation>
    </message>
    <message>
        <source>Instructions for the whole conversation (optional)</source>
        <translation>适用于整个对话的指令（可选）</translation>
    </message>
    <message>
        <source>Default</source>
        <extracomment>shown in a number field when nothing is sent and the server&apos;s default applies</extracomment>
        <translation>默认</translation>
    </message>
    <message>
        <source>&amp;High-resolution images (up to 16,384 tokens each)</source>
        <translation>高分辨率图片(&amp;H)（每张最多 16,384 个 token）</translation>
    </message>
    <message>
        <source>High-resolution images</source>
        <translation>高分辨率图片</translation>
    </message>
    <message>
        <source>These settings belong to this conversation and apply to the next message.</source>
        <translation>这些设置属于本对话，从下一条消息起生效。</translation>
    </message>
    <message>
        <source>%1 — always thinks before it answers</source>
        <extracomment>picker tooltip: %1 = model name</extracomment>
        <translation>%1 — 总是先思考再回答</translation>
    </message>
    <message>
        <source>%1 — thinks unless switched off</source>
        <translation>%1 — 默认先思考，可关闭</translation>
    </message>
    <message>
        <source>%1 — can think when switched on</source>
        <translation>%1 — 打开后可先思考</translation>
    </message>
    <message>
        <source>T&amp;hinking:</source>
        <translation>深度思考(&amp;H)：</translation>
    </message>
    <message>
        <source>Thinking &amp;budget:</source>
        <translation>思考预算(&amp;B)：</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <source>On: reason before answering</source>
        <translation>开：先推理再回答</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Always (this model cannot switch it off)</source>
        <translation>总是开启（此模型无法关闭）</translation>
    </message>
    <message>
        <source>This model thinks before every answer; its answers stream.</source>
        <translation>此模型每次回答前都会思考，回答以流式返回。</translation>
    </message>
    <message>
        <source>Model default (on)</source>
        <translation>模型默认（开）</translation>
    </message>
    <message>
        <source>A thinking answer always streams.</source>
        <translation>思考的回答总是以流式返回。</translation>
    </message>
    <message>
        <source>Model default (off)</source>
        <translation>模型默认（关）</translation>
    </message>
    <message>
        <source>Not available for this model</source>
        <translation>此模型不支持</translation>
    </message>
</context>
<context>
    <name>qvd::PreparedItem</name>
    <message>
        <source>“%1” changed after the job was made; it was not sent. Start a new job for the folder to include it.</source>
        <translation>“%1”在任务创建后被修改；未发送。请为该文件夹新建任务以包含它。</translation>
    </message>
    <message>
        <source>“%1” does not fit in one batch line (at most %2 bytes) even at the smallest size allowed.</source>
        <translation>即使缩到允许的最小尺寸，“%1”也放不进一行批量数据（最多 %2 字节）。</translation>
    </message>
</context>
<context>
    <name>qvd::PriceTable</name>
    <message>
        <source>The price list “%1” cannot be read: %2</source>
        <translation>无法读取价格表“%1”：%2</translation>
    </message>
    <message>
        <source>The price list “%1” is not a JSON object: %2</source>
        <translation>价格表“%1”不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>The price of %1 in “%2” is negative.</source>
        <translation>“%2”中 %1 的价格为负数。</translation>
    </message>
</context>
<context>
    <name>qvd::ProfileEditor</name>
    <message>
        <source>The stored key will be removed when you press OK.</source>
        <translation>按“确定”后将删除已保存的密钥。</translation>
    </message>
    <message>
        <source>No key stored.</source>
        <translation>尚未保存密钥。</translation>
    </message>
    <message>
        <source>A key is stored in %1.</source>
        <translation>密钥已保存在 %1 中。</translation>
    </message>
    <message>
        <source>A key is kept for this session only.</source>
        <translation>密钥仅在本次会话中保留。</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
    <message>
        <source>The key comes from the %1 environment variable.</source>
        <extracomment>%1 is an environment variable, e.g. DASHSCOPE_API_KEY</extracomment>
        <translation>密钥来自环境变量 %1。</translation>
    </message>
</context>
<context>
    <name>qvd::ProfileStatus</name>
    <message>
        <source>checking the key…</source>
        <translation>正在检查密钥…</translation>
    </message>
    <message>
        <source>key in %1</source>
        <extracomment>%1 is the keychain, e.g. &quot;Secret Service&quot;</extracomment>
        <translation>密钥在 %1 中</translation>
    </message>
    <message>
        <source>key for this session only</source>
        <translation>密钥仅限本次会话</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>无密钥</translation>
    </message>
    <message>
        <source>no key needed</source>
        <translation>无需密钥</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <extracomment>Status bar: endpoint · model · where the API key is</extracomment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>key from %1</source>
        <extracomment>%1 is an environment variable, e.g. DASHSCOPE_API_KEY</extracomment>
        <translation>密钥来自 %1</translation>
    </message>
</context>
<context>
    <name>qvd::ProfilesPage</name>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <source>New endpoint</source>
        <translation>新接入点</translation>
    </message>
    <message>
        <source>Another profile already uses the identifier &apos;%1&apos;.</source>
        <translation>另一个配置已使用标识“%1”。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a DashScope or OpenAI-compatible endpoint</source>
        <translation>添加 DashScope 或 OpenAI 兼容的接入点</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Endpoint profiles</source>
        <translation>接入点配置</translation>
    </message>
</context>
<context>
    <name>qvd::RegionChip</name>
    <message>
        <source>▭ Region %1</source>
        <extracomment>a chip in the composer for a region marked on an image; %1 numbers them</extracomment>
        <translation>▭ 区域 %1</translation>
    </message>
    <message>
        <source>Sent with your message as: %1</source>
        <translation>随消息一起发送的内容：%1</translation>
    </message>
    <message>
        <source>Region %1: %2</source>
        <translation>区域 %1：%2</translation>
    </message>
    <message>
        <source>Remove this region</source>
        <translation>移除这个区域</translation>
    </message>
    <message>
        <source>Remove region %1</source>
        <translation>移除区域 %1</translation>
    </message>
</context>
<context>
    <name>qvd::SecretStore</name>
    <message>
        <source>No key is stored yet.</source>
        <translation>尚未保存密钥。</translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation>系统钥匙串不可用。</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied.</source>
        <translation>访问系统钥匙串被拒绝。</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation>系统钥匙串未及时响应。</translation>
    </message>
    <message>
        <source>The system keychain reported an error.</source>
        <translation>系统钥匙串报告了错误。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 is a sentence of ours, %2 the keychain&apos;s own explanation</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>qvd::ServerModelList</name>
    <message>
        <source>The server&apos;s model list is not an OpenAI-compatible &quot;data&quot; list.</source>
        <translation>服务器的模型列表不是 OpenAI 兼容的“data”列表。</translation>
    </message>
</context>
<context>
    <name>qvd::SettingsDialog</name>
    <message>
        <source>Same as the system</source>
        <extracomment>Language choice: follow the operating system&apos;s language</extracomment>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>qvd::SideBySideWindow</name>
    <message>
        <source>(answer removed)</source>
        <translation>（回答已删除）</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>正在写…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n 个框</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>%1 (1)</source>
        <translation>%1（1）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) found by both</source>
        <translation>
            <numerusform>两者都找到了 %n 对框</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 only: %2</source>
        <translation>仅 %1：%2</translation>
    </message>
    <message>
        <source>Answers side by side</source>
        <translation>并排的回答</translation>
    </message>
    <message>
        <source>Boxes of the first answer against</source>
        <translation>第一个回答的框对比</translation>
    </message>
    <message>
        <source>Boxes of two answers, paired by IoU</source>
        <translation>两个回答的框，按 IoU 配对</translation>
    </message>
    <message>
        <source>Answer text</source>
        <translation>回答文字</translation>
    </message>
    <message>
        <source>Image with the answer&apos;s boxes</source>
        <translation>带有回答中框的图片</translation>
    </message>
</context>
<context>
    <name>qvd::SpaceBadge</name>
    <message>
        <source>0–1000 of the image</source>
        <translation>图像的 0–1000 相对坐标</translation>
    </message>
    <message>
        <source>pixels of the resized input</source>
        <translation>缩放后输入图的像素</translation>
    </message>
    <message>
        <source>pixels of the %1×%2 input</source>
        <translation>%1×%2 输入图的像素</translation>
    </message>
    <message>
        <source>original pixels</source>
        <translation>原图像素</translation>
    </message>
    <message>
        <source>as %1 writes them</source>
        <translation>%1 的坐标约定</translation>
    </message>
    <message>
        <source>usual for this format; model not known</source>
        <translation>模型未知，按格式的惯例</translation>
    </message>
    <message>
        <source>values above 1000</source>
        <translation>数值超过 1000</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>你的选择</translation>
    </message>
    <message>
        <source>0–1000</source>
        <extracomment>Short coordinate space name: relative 0..1000</extracomment>
        <translation>0–1000</translation>
    </message>
    <message>
        <source>input px</source>
        <translation>输入像素</translation>
    </message>
    <message>
        <source>%1×%2 input px</source>
        <extracomment>Short coordinate space name: pixels of the model&apos;s W×H input</extracomment>
        <translation>%1×%2 输入像素</translation>
    </message>
    <message>
        <source>original px</source>
        <extracomment>Short coordinate space name: pixels of the original image</extracomment>
        <translation>原图像素</translation>
    </message>
    <message>
        <source>format default</source>
        <extracomment>Short reason: the default of the answer&apos;s format</extracomment>
        <translation>格式默认</translation>
    </message>
    <message>
        <source>values &gt; 1000</source>
        <translation>数值 &gt; 1000</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>由你指定</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Read as 0–1000 of the image</source>
        <translation>按图像的 0–1000 相对坐标解读</translation>
    </message>
    <message>
        <source>Read as %1</source>
        <translation>按 %1 读取</translation>
    </message>
    <message>
        <source>Read as original pixels</source>
        <translation>按原图像素解读</translation>
    </message>
    <message>
        <source>Coordinate space</source>
        <translation>坐标空间</translation>
    </message>
    <message>
        <source>Coordinates: —</source>
        <translation>坐标：—</translation>
    </message>
    <message>
        <source>How the model&apos;s numbers are read appears here once an answer has boxes.</source>
        <translation>回答中有框时，这里会显示模型坐标的解读方式。</translation>
    </message>
    <message>
        <source>Coordinates: %1 · %2</source>
        <extracomment>Badge, kept short: %1 = coordinate space, %2 = why it was chosen</extracomment>
        <translation>坐标：%1 · %2</translation>
    </message>
    <message>
        <source>confirmed by the server</source>
        <extracomment>on the coordinate badge: the reply&apos;s image-token count fits the size sent</extracomment>
        <translation>已由服务器确认</translation>
    </message>
    <message>
        <source>server resized to %1×%2</source>
        <extracomment>on the coordinate badge: the server resized the image again, to W×H</extracomment>
        <translation>服务器缩放为 %1×%2</translation>
    </message>
    <message>
        <source>The model&apos;s numbers are read as %1 (%2).</source>
        <translation>模型的坐标按%1解读（%2）。</translation>
    </message>
    <message>
        <source>The server&apos;s image-token count confirms it saw the image at %1×%2, as sent.</source>
        <translation>服务器报告的图像 token 数证实它看到的图像是发送时的 %1×%2。</translation>
    </message>
    <message>
        <source>The server&apos;s image-token count shows it resized the %1×%2 image sent to %3×%4; pixel coordinates are mapped with its size.</source>
        <translation>服务器报告的图像 token 数表明它把发送的 %1×%2 图像又缩放成了 %3×%4；像素坐标按它的尺寸换算。</translation>
    </message>
    <message>
        <source>If the boxes look off, pick another reading here.</source>
        <translation>如果框的位置不对，请在这里换一种解读方式。</translation>
    </message>
</context>
<context>
    <name>qvd::StorageError</name>
    <message>
        <source>The disk is full: “%1” could not be saved. Everything saved before is kept; free some space and try again.</source>
        <translation>磁盘已满：无法保存“%1”。之前保存的内容都还在；请腾出一些空间后重试。</translation>
    </message>
    <message>
        <source>“%1” cannot be written (the folder or file is read-only). Nothing was changed; everything saved before is kept.</source>
        <translation>无法写入“%1”（文件夹或文件是只读的）。没有做任何更改，之前保存的内容都还在。</translation>
    </message>
    <message>
        <source>“%1” cannot be opened or created.</source>
        <translation>无法打开或创建“%1”。</translation>
    </message>
    <message>
        <source>The history “%1” was written by a newer version of QwenVL Desk. It was not opened and not changed; please update the app.</source>
        <translation>历史记录“%1”是由更新版本的 QwenVL Desk 写入的。它没有被打开，也没有被更改；请更新本应用。</translation>
    </message>
    <message>
        <source>“%1” is damaged and cannot be read.</source>
        <translation>“%1”已损坏，无法读取。</translation>
    </message>
    <message>
        <source>“%1” is in use by another program; try again.</source>
        <translation>“%1”正被其他程序使用，请重试。</translation>
    </message>
    <message>
        <source>“%1” was not found.</source>
        <translation>找不到“%1”。</translation>
    </message>
    <message>
        <source>“%1” is not a QwenVL Desk history file or is damaged.</source>
        <translation>“%1”不是 QwenVL Desk 历史记录文件，或者已损坏。</translation>
    </message>
    <message>
        <source>Reading or writing “%1” failed.</source>
        <translation>读取或写入“%1”失败。</translation>
    </message>
</context>
<context>
    <name>qvd::SynonymDialog</name>
    <message>
        <source>Label synonyms</source>
        <translation>标签同义词</translation>
    </message>
    <message>
        <source>Names that mean the same class, one group per line, separated by commas; the first names the class. For example: dog, 狗, 犬</source>
        <translation>表示同一类别的名称，每行一组，用逗号分隔；第一个名称为类别名。例如：dog, 狗, 犬</translation>
    </message>
</context>
<context>
    <name>qvd::TruthForImage</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
</context>
<context>
    <name>qvd::TruthPanel</name>
    <message>
        <source>Load ground truth</source>
        <translation>载入真值</translation>
    </message>
    <message>
        <source>Read ground truth for this image: COCO or LabelMe JSON, YOLO labels or Pascal VOC XML</source>
        <translation>读取此图片的真值：COCO 或 LabelMe JSON、YOLO 标签或 Pascal VOC XML</translation>
    </message>
    <message>
        <source>From a file…</source>
        <translation>从文件…</translation>
    </message>
    <message>
        <source>From a folder…</source>
        <translation>从文件夹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the ground truth of this image</source>
        <translation>移除此图片的真值</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Draw the ground truth over the image</source>
        <translation>在图片上绘制真值</translation>
    </message>
    <message>
        <source>Use the boxes shown as ground truth</source>
        <translation>将显示的框用作真值</translation>
    </message>
    <message>
        <source>The answer&apos;s boxes as shown (with your corrections) become the ground truth of this image</source>
        <translation>回答中显示的框（含你的修正）将成为此图片的真值</translation>
    </message>
    <message>
        <source>IoU at least</source>
        <extracomment>Scoring: a prediction and a ground-truth box match at this overlap or more</extracomment>
        <translation>IoU 至少</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Ignore case and spaces</source>
        <translation>忽略大小写和空格</translation>
    </message>
    <message>
        <source>Exactly as written</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <source>Synonyms…</source>
        <translation>同义词…</translation>
    </message>
    <message>
        <source>TP</source>
        <translation>TP</translation>
    </message>
    <message>
        <source>FP</source>
        <translation>FP</translation>
    </message>
    <message>
        <source>FN</source>
        <translation>FN</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Mean IoU</source>
        <translation>平均 IoU</translation>
    </message>
    <message>
        <source>True positives: boxes shown that match a ground-truth object</source>
        <translation>真正例：与某个真值对象匹配的框</translation>
    </message>
    <message>
        <source>False positives: boxes shown that match none</source>
        <translation>假正例：不与任何真值对象匹配的框</translation>
    </message>
    <message>
        <source>False negatives: ground-truth objects no box matches</source>
        <translation>假负例：没有框与之匹配的真值对象</translation>
    </message>
    <message>
        <source>The mean IoU of the matched boxes</source>
        <translation>已匹配框的平均 IoU</translation>
    </message>
    <message>
        <source>No ground truth for this image.</source>
        <translation>此图片没有真值。</translation>
    </message>
    <message>
        <source>Ground truth from %1</source>
        <translation>真值来自 %1</translation>
    </message>
    <message>
        <source>The scores compare the boxes shown (with your corrections) with the ground truth. Unmatched boxes are framed in red on the image.</source>
        <translation>评分将显示的框（含你的修正）与真值比较。未匹配的框在图片上以红框标出。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>框</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>missed</source>
        <extracomment>Ground-truth list: whether a box shown matched this object</extracomment>
        <translation>漏检</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>qvd::UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo (%1)</source>
        <translation>撤销（%1）</translation>
    </message>
</context>
<context>
    <name>qvd::VocImport</name>
    <message>
        <source>It is not a Pascal VOC file: there is no &lt;annotation&gt; element.</source>
        <translation>这不是 Pascal VOC 文件：没有 &lt;annotation&gt; 元素。</translation>
    </message>
    <message>
        <source>Object %1 has no complete &lt;bndbox&gt; (xmin, ymin, xmax, ymax).</source>
        <translation>对象 %1 没有完整的 &lt;bndbox&gt;（xmin、ymin、xmax、ymax）。</translation>
    </message>
    <message>
        <source>The XML is damaged at line %1: %2.</source>
        <translation>XML 在第 %1 行损坏：%2。</translation>
    </message>
</context>
<context>
    <name>qvd::YoloImport</name>
    <message>
        <source>Line %1 is not “class x_centre y_centre width height”: %2</source>
        <translation>第 %1 行不是“类别 中心x 中心y 宽 高”：%2</translation>
    </message>
</context>
</TS>
