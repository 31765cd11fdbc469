using MfuTools.Core.Counting;
using MfuTools.Core.Hardware;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Results
{
    /// <summary>
    /// One module of one layer on the roofline, for one forward pass of a phase. It carries
    /// the module's FLOPs, the bytes it moves and its intensity against the device's ridge
    /// point, with the serial and the roofline time that follow.
    /// </summary>
    public sealed class IntensityRow
    {
        internal IntensityRow(string model, ModuleSpec spec, decimal flops, ByteCount bytes, IntensityRequest request)
        {
            var roofline = request.Roofline;
            Model = model;
            Module = spec.Name;
            Layer = spec.Layer;
            Kind = spec.Kind;
            Phase = request.Phase;
            Flops = flops;
            WeightBytes = bytes.WeightBytes;
            ActivationBytes = bytes.ActivationBytes;
            KvCacheBytes = bytes.KvCacheBytes;
            Bytes = bytes.TotalBytes;
            RidgePoint = roofline.RidgePoint;

            // A module that moves no bytes worth counting has no place on the roofline.
            if (Bytes > 0)
            {
                Intensity = (double)(flops / Bytes);
                Bound = Intensity.Value >= RidgePoint ? Counting.Bound.Compute : Counting.Bound.Memory;
                AttainableFlopsPerSecond = roofline.AttainableFlopsPerSecond(Intensity.Value);
            }

            ComputeSeconds = roofline.ComputeSeconds(flops);
            MemorySeconds = roofline.MemorySeconds(Bytes);
            SerialSeconds = ComputeSeconds + MemorySeconds;
            RooflineSeconds = System.Math.Max(ComputeSeconds, MemorySeconds);

            BatchSize = request.Run.BatchSize;
            SequenceLength = request.Run.SequenceLength;
            ContextLength = request.ContextLength;
            Precision = request.Precision;
            WeightPrecision = request.WeightPrecision;
            Attention = request.Attention;
            Accelerator = roofline.Name;
            PeakFlopsPerSecond = roofline.PeakFlopsPerSecond;
            MemoryBandwidth = roofline.MemoryBandwidth;
            CausalAttention = request.Pass().Causal;
        }

        public string Model { get; }

        /// <summary>Full module path, as Get-LayerBreakdown names it; <c>self_attn.attention</c> for fused attention.</summary>
        public string Module { get; }

        /// <summary>Decoder layer index; null for model-level modules.</summary>
        public int? Layer { get; }

        public ModuleKind Kind { get; }

        public Phase Phase { get; }

        /// <summary>Forward FLOPs of this pass, convention Detailed.</summary>
        public decimal Flops { get; }

        /// <summary>Bytes read and written: WeightBytes + ActivationBytes + KvCacheBytes.</summary>
        public decimal Bytes { get; }

        /// <summary>Weight and bias reads, embedding rows and norm weights included.</summary>
        public decimal WeightBytes { get; }

        /// <summary>Reads of inputs and writes of outputs other than keys and values.</summary>
        public decimal ActivationBytes { get; }

        /// <summary>Key and value reads of attention, and the new cache entries k_proj and v_proj write.</summary>
        public decimal KvCacheBytes { get; }

        /// <summary>FLOPs per byte; null when the module moves no bytes.</summary>
        public double? Intensity { get; }

        /// <summary>The device's peak / bandwidth, in FLOPs per byte.</summary>
        public double RidgePoint { get; }

        /// <summary>Compute when Intensity ≥ RidgePoint, else Memory; null when the module moves no bytes.</summary>
        public Bound? Bound { get; }

        /// <summary>f / peak, in seconds.</summary>
        public double ComputeSeconds { get; }

        /// <summary>m / bandwidth, in seconds.</summary>
        public double MemorySeconds { get; }

        /// <summary>Serial time f·t_f + m·t_m: compute and memory one after the other, in seconds.</summary>
        public double SerialSeconds { get; }

        /// <summary>The roofline's max(f / peak, m / bandwidth): compute and memory fully overlapped, in seconds.</summary>
        public double RooflineSeconds { get; }

        /// <summary>min(peak, Intensity × bandwidth), in FLOP/s; null when the module moves no bytes.</summary>
        public double? AttainableFlopsPerSecond { get; }

        public long BatchSize { get; }

        /// <summary>S: tokens per sequence in training and prefill; in decode only the default of ContextLength.</summary>
        public long SequenceLength { get; }

        /// <summary>C: tokens in the KV cache, in decode only.</summary>
        public long? ContextLength { get; }

        /// <summary>Precision of activations and the KV cache, and of the peak.</summary>
        public Precision Precision { get; }

        /// <summary>Precision of Linear weights.</summary>
        public Precision WeightPrecision { get; }

        public AttentionImplementation Attention { get; }

        /// <summary>Catalog name of the accelerator; empty when the peak and bandwidth were given directly.</summary>
        public string Accelerator { get; }

        /// <summary>The peak used, in FLOP/s at <see cref="Precision"/>.</summary>
        public double PeakFlopsPerSecond { get; }

        /// <summary>The memory bandwidth used, in bytes per second.</summary>
        public double MemoryBandwidth { get; }

        /// <summary>Whether the attention FLOPs were causally halved (never in decode).</summary>
        public bool CausalAttention { get; }

        public override string ToString() => Module;
    }
}
